package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.systemtests.harness.CaseApi;
import cn.luoyang.pollution.systemtests.harness.GatewaySms;
import cn.luoyang.pollution.systemtests.harness.Handlers;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.RewardApi;
import cn.luoyang.pollution.systemtests.harness.Smsc;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.systemtests.harness.Waiting;
import cn.luoyang.pollution.systemtests.load.Report;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 7, rewarded reporting (有奖举报) across the running system: a report filed with
 * {@code rewardRequested: true} becomes a case that is inspected, ordered to rectify (限期整改),
 * rectified, verified by a second handler and closed with the supervisor's approval (substantiated);
 * enforcement opens a reward claim, notification texts the reporter the claim code (REWARD_OPENED);
 * the reporter sees the claim with the tracking number and the code without signing in (a wrong code
 * is refused); the campaign office approves 150 yuan and marks it paid, and the reporter gets
 * REWARD_APPROVED and REWARD_PAID, each text once. A reporter who files anonymously (no phone) asking for a
 * reward is given a 12-digit claim code in the filing's answer instead; after the same substantiated closure the
 * claim opens and that code (and no other) proves it at the public claim.
 */
class RewardIT {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final Pattern CLAIM_CODE = Pattern.compile("领奖码(\\d{8})");

    static SystemUnderTest system;
    static GatewaySms sms;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.shared();
        sms = system.sms();
    }

    @AfterAll
    static void stop() {
        sms.close();
    }

    @Test
    void aSubstantiatedCaseWhoseReporterAskedForARewardIsPaidAndTheReporterHearsEachStepOnce() {
        Smsc smsc = system.smsc().orElseThrow(() -> new IllegalStateException("the shared system sends over SMPP"));
        long started = System.nanoTime();
        Report report = EndToEndIT.report("reward", "410305", "AIR_OPEN_BURNING");
        Map<String, Object> body = new LinkedHashMap<>(report.httpBody());
        body.put("rewardRequested", true);
        JsonHttp.Answer filed = system.complaints().file(body, report.externalTicketId());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String complaintId = filed.text("complaintId");
        String trackingNumber = filed.text("trackingNumber");
        substantiatedClosure(complaintId);

        // the claim opens (its id is the complaint id) and the reporter is texted the code
        RewardApi office = new RewardApi(system, "campaign");
        Waiting.until(STEP, () -> office.list("OPEN").body().contains(complaintId), () -> "the claim of " + complaintId);
        JsonHttp.Answer claim = office.get(complaintId);
        assertThat(claim.text("severity")).as(claim.body()).isEqualTo("RECTIFICATION");
        assertThat(claim.text("trackingNumber")).isEqualTo(trackingNumber);
        assertThat(claim.body()).as("the office sees no reporter").doesNotContain(report.phone()).doesNotContain("codeHash");
        Waiting.until(STEP, () -> sms.milestonesOf(complaintId).contains("REWARD_OPENED"),
                () -> "the REWARD_OPENED SMS: " + sms.milestonesOf(complaintId));
        Waiting.until(STEP, () -> codeIn(textsTo(smsc, report.phone())).isPresent(),
                () -> "the claim code in " + textsTo(smsc, report.phone()));
        String code = codeIn(textsTo(smsc, report.phone())).orElseThrow();

        // 凭码领奖: the holder of the tracking number and the code, signed in as nobody
        JsonHttp.Answer seen = office.claim(trackingNumber, code);
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.text("state")).isEqualTo("OPEN");
        JsonHttp.Answer wrong = office.claim(trackingNumber, code.equals("00000000") ? "00000001" : "00000000");
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);
        assertThat(wrong.text("reason")).isEqualTo("wrong-claim-code");

        // the campaign office approves 150 yuan and pays
        JsonHttp.Answer approved = office.approve(complaintId, new BigDecimal("150"), "整改到位, 按标准奖励");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("state")).isEqualTo("APPROVED");
        JsonHttp.Answer paid = office.markPaid(complaintId, "ICBC-REWARD-IT-0001");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.text("state")).isEqualTo("PAID");

        Waiting.until(STEP, () -> sms.milestonesOf(complaintId).containsAll(List.of("REWARD_APPROVED", "REWARD_PAID")),
                () -> "REWARD_APPROVED and REWARD_PAID: " + sms.milestonesOf(complaintId));
        Waiting.pause(Duration.ofSeconds(3)); // a copy of any text would come within seconds
        assertThat(sms.milestonesOf(complaintId).stream().filter(m -> m.startsWith("REWARD_")))
                .containsExactlyInAnyOrder("REWARD_OPENED", "REWARD_APPROVED", "REWARD_PAID");
        List<String> texts = textsTo(smsc, report.phone());
        assertThat(texts).anyMatch(t -> t.contains("已批准") && t.contains("150元"))
                .anyMatch(t -> t.contains("已发放") && t.contains("150元"));
        JsonHttp.Answer after = office.claim(trackingNumber, code);
        assertThat(after.text("state")).isEqualTo("PAID");
        assertThat(after.json().path("amountYuan").asInt()).isEqualTo(150);
        System.out.printf("report with rewardRequested → REWARD_PAID SMS: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @Test
    void anAnonymousReporterClaimsWithTheCodeTheFilingAnswered() {
        Report report = EndToEndIT.report("reward-anonymous", "410305", "AIR_OPEN_BURNING");
        Map<String, Object> body = new LinkedHashMap<>(report.httpBody());
        body.put("reporter", Map.of("anonymous", true));
        body.put("rewardRequested", true);
        JsonHttp.Answer filed = system.complaints().file(body, report.externalTicketId());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String complaintId = filed.text("complaintId");
        String trackingNumber = filed.text("trackingNumber");
        String code = filed.text("claimCode");
        assertThat(code).as(filed.body()).matches("\\d{12}");
        JsonHttp.Answer retried = system.complaints().file(body, report.externalTicketId());
        assertThat(retried.body()).as("the code is answered once").doesNotContain(code);

        substantiatedClosure(complaintId);

        RewardApi office = new RewardApi(system, "campaign");
        Waiting.until(STEP, () -> office.list("OPEN").body().contains(complaintId), () -> "the claim of " + complaintId);
        JsonHttp.Answer claim = office.get(complaintId);
        assertThat(claim.json().path("codeGivenAtFiling").asBoolean()).as(claim.body()).isTrue();
        assertThat(claim.body()).doesNotContain(code).doesNotContain("pbkdf2");

        JsonHttp.Answer seen = office.claim(trackingNumber, code);
        assertThat(seen.status()).as(seen.body()).isEqualTo(200);
        assertThat(seen.text("state")).isEqualTo("OPEN");
        String wrongCode = code.equals("000000000000") ? "000000000001" : "000000000000";
        JsonHttp.Answer wrong = office.claim(trackingNumber, wrongCode);
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);
        assertThat(wrong.text("reason")).isEqualTo("wrong-claim-code");
        assertThat(sms.milestonesOf(complaintId)).as("no phone, no text").doesNotContain("REWARD_OPENED");
    }

    /** The complaint's case worked to a substantiated closure: rectification ordered, rectified, verified, approved. */
    private static void substantiatedClosure(String complaintId) {
        Waiting.until(STEP, () -> system.ledger().caseOf(complaintId).isPresent(), () -> "dispatch of " + complaintId);
        String caseId = system.ledger().caseOf(complaintId).orElseThrow();
        assertThat(Handlers.unitOf(system.ledger().caseDispatched(caseId).orElseThrow())).isEqualTo("URBAN_MANAGEMENT@410305");

        // worked to a substantiated closure: a rectification order, rectified, verified by a colleague, approved
        CaseApi handler = new CaseApi(system, "cg-jianxi");
        CaseApi colleague = new CaseApi(system, "cg-jianxi-2");
        Waiting.until(STEP, () -> handler.get(caseId).status() == 200, () -> caseId + " opened in enforcement");
        ok(handler.accept(caseId));
        ok(handler.startInspection(caseId, "到场核查, 空地焚烧垃圾"));
        ok(handler.orderRectification(caseId, "责令清理焚烧残余并设置围挡"));
        ok(handler.rectified(caseId, "焚烧残余已清运, 围挡已设置"));
        ok(colleague.verify(caseId, "复查合格"));
        ok(handler.close(caseId, "经查属实, 已责令限期整改, 现已整改到位。"));
        ok(new CaseApi(system, Handlers.CLOSURE_VERIFIER).approveClosure(caseId));
        Waiting.until(STEP, () -> "CLOSED".equals(handler.get(caseId).text("state")), () -> caseId + " CLOSED: " + handler.get(caseId).body());
    }

    private static List<String> textsTo(Smsc smsc, String phone) {
        return smsc.received().stream().filter(r -> r.destination().endsWith(phone)).map(Smsc.Received::text).toList();
    }

    private static java.util.Optional<String> codeIn(List<String> texts) {
        return texts.stream().map(CLAIM_CODE::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    private static void ok(JsonHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
