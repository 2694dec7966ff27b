package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.systemtests.harness.CaseApi;
import cn.luoyang.pollution.systemtests.harness.CaseWalk;
import cn.luoyang.pollution.systemtests.harness.DispatchApi;
import cn.luoyang.pollution.systemtests.harness.EscalationDirectoryApi;
import cn.luoyang.pollution.systemtests.harness.GatewaySms;
import cn.luoyang.pollution.systemtests.harness.Handlers;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Observed;
import cn.luoyang.pollution.systemtests.harness.Smsc;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.systemtests.harness.Waiting;
import cn.luoyang.pollution.systemtests.load.Report;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 item 7, the loop across the running system where single-service tests stop: a case
 * returned (退单) twice goes through re-routing to the campaign office's arbitration (仲裁), and a
 * reporter's unsatisfied survey reply reopens a closed case, which is handled and closed again with
 * a second person's approval (办结审核) and a second CLOSED SMS; a rectification order (限期整改) past its
 * deadline is re-inspected (到期复查) and escalated to the unit's leader by SMS, once.
 */
class CaseLoopIT {

    private static final Duration STEP = Duration.ofSeconds(60);
    /** The unit leader of 涧西区 urban management in this test's directory entry (invented; a number no demo person has). */
    private static final String RECTIFY_LEADER = "测试城管局长辛", RECTIFY_LEADER_MOBILE = "13900150011";
    /** How far ahead the rectification order's deadline is: room for the early check's 409 on a busy machine (enforcement's clock looks every 5 s). */
    private static final int RECTIFY_SECONDS = 8;

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

    /**
     * Catering fumes in 涧西区 go to urban management with ecology and environment as co-handler;
     * urban management returns it, dispatch re-routes it to ecology and environment (the remaining
     * co-handler), which returns it too: the second return is the limit, so the case waits for the
     * campaign office, whose decision names a lead that returned nothing, and that unit can sign for it.
     */
    @Test
    void aCaseReturnedTwiceIsReroutedThenArbitratedToAUnitThatDidNotReturnIt() {
        Filed filed = fileAndDispatch(EndToEndIT.report("loop-return", "410305", "AIR_CATERING_FUMES"));
        String complaintId = filed.complaintId(), caseId = filed.caseId();
        Ledger ledger = system.ledger();
        assertThat(ledger.dispatchOutcomes(complaintId)).as("a case of its own, not merged").anyMatch(o ->
                Ledger.DISPATCHED.equals(o.type()) && caseId.equals(o.text("caseId")));
        CaseApi supervisor = new CaseApi(system, Handlers.CLOSURE_VERIFIER);

        // round 1: urban management returns it with its reason
        assertThat(Handlers.unitOf(dispatchRound(complaintId, 1))).isEqualTo("URBAN_MANAGEMENT@410305");
        returnAs("cg-jianxi", caseId, "NOT_OUR_DUTY", "油烟超标排放属生态环境部门监管");

        // round 2: re-routed without urban management, to the co-handler; it returns it too
        Observed rerouted = dispatchRound(complaintId, 2);
        assertThat(Handlers.unitOf(rerouted)).isEqualTo("ECOLOGY_ENVIRONMENT@410305");
        assertThat(rerouted.body().path("arbitrated").asBoolean()).isFalse();
        returnAs("sthj-jianxi", caseId, "NOT_OUR_DUTY", "餐饮油烟净化设施归城管部门执法");

        // the second return is the limit: the case waits for the campaign office
        Waiting.until(STEP, () -> ledger.dispatchOutcomes(complaintId).stream().anyMatch(o -> Ledger.DISPATCH_FAILED.equals(o.type())
                && caseId.equals(o.text("caseId")) && "RETURNED_TOO_OFTEN".equals(o.text("reason"))), () -> "arbitration of " + caseId + ": " + ledger.dispatchOutcomes(complaintId));
        Observed failed = ledger.dispatchOutcomes(complaintId).stream()
                .filter(o -> Ledger.DISPATCH_FAILED.equals(o.type())).findFirst().orElseThrow();
        List<String> returnedBy = failed.body().path("candidates").valueStream().map(JsonNode::asString).toList();
        DispatchApi office = new DispatchApi(system, "campaign");
        Waiting.until(STEP, () -> waitingIds(office).contains(caseId), () -> caseId + " on the arbitration list");
        assertThat(supervisor.get(caseId).text("state")).isEqualTo("RETURNED");
        assertThat(supervisor.get(caseId).json().path("returnCount").asInt()).isEqualTo(2);

        // the decision: housing and construction, which returned nothing, leads
        JsonHttp.Answer decided = office.arbitrate(caseId, "HOUSING_CONSTRUCTION", "油烟来自在建工地临时食堂, 由住建部门牵头处理");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("arbitrated").asBoolean()).isTrue();
        assertThat(decided.text("leadDepartment")).isEqualTo("HOUSING_CONSTRUCTION");
        assertThat(returnedBy).as("the units that returned it").containsExactlyInAnyOrder("URBAN_MANAGEMENT", "ECOLOGY_ENVIRONMENT")
                .doesNotContain(decided.text("leadDepartment"));
        assertThat(waitingIds(office)).doesNotContain(caseId);

        Waiting.until(STEP, () -> "HOUSING_CONSTRUCTION@410305".equals(supervisor.get(caseId).text("lead")), () -> caseId + " led by the arbitrated unit: " + supervisor.get(caseId).body());
        JsonHttp.Answer view = supervisor.get(caseId);
        assertThat(view.text("state")).isEqualTo("DISPATCHED");
        assertThat(view.json().path("arbitrated").asBoolean()).isTrue();
        assertThat(view.json().path("routingRound").asInt()).isEqualTo(3);
        JsonHttp.Answer accepted = new CaseApi(system, "zj-jianxi").accept(caseId);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.text("state")).isEqualTo("ACCEPTED");
        assertThat(new CaseApi(system, "cg-jianxi").accept(caseId).status()).as("a unit that returned it no longer leads")
                .isBetween(403, 409);
    }

    /**
     * An open-air barbecue in 涧西区 (urban management) is closed; its reporter answers the survey SMS
     * with "3" (unsatisfied) through the carrier; enforcement reopens the case, which is inspected,
     * rectified and verified by a second handler, asked to close, approved by the supervisor, and the
     * reporter gets a second CLOSED SMS (with its own survey), each milestone once.
     */
    @Test
    void anUnsatisfiedSurveyReplyReopensTheCaseWhichClosesAgainWithASecondClosedSms() {
        Smsc smsc = system.smsc().orElseThrow(() -> new IllegalStateException("the shared system sends over SMPP"));
        Report report = EndToEndIT.report("loop-reopen", "410305", "AIR_OPEN_BBQ");
        JsonHttp.Answer filed = system.complaints().file(report.httpBody(), report.externalTicketId());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String complaintId = filed.text("complaintId");

        CaseWalk.Outcome walked = CaseWalk.acceptAndClose(system, complaintId, "经现场核查, 烧烤摊已取缔, 问题已整改。", STEP);
        assertThat(walked.closed().text("state")).as(walked.closed().body()).isEqualTo("CLOSED");
        String caseId = walked.caseId();
        assertThat(Handlers.unitOf(system.ledger().caseDispatched(caseId).orElseThrow())).isEqualTo("URBAN_MANAGEMENT@410305");
        Waiting.until(STEP, () -> sms.milestonesOf(complaintId).contains("CLOSED"), () -> "the CLOSED SMS with the survey: " + sms.milestonesOf(complaintId));
        Waiting.pause(Duration.ofMillis(500)); // the survey opens right after the message's SENT write

        smsc.reply("86" + report.phone(), "3");
        Waiting.until(STEP, () -> system.ledger().lifecycle(caseId).stream().anyMatch(o -> "case.reopened.v1".equals(o.type())),
                () -> "the reopening of " + caseId + ": " + system.ledger().lifecycle(caseId));
        Observed reopened = system.ledger().lifecycle(caseId).stream()
                .filter(o -> "case.reopened.v1".equals(o.type())).findFirst().orElseThrow();
        assertThat(reopened.text("cause")).isEqualTo("REPORTER_UNSATISFIED");
        CaseApi handler = new CaseApi(system, "cg-jianxi");
        Waiting.until(STEP, () -> "REOPENED".equals(handler.get(caseId).text("state")), () -> caseId + " REOPENED");

        CaseApi colleague = new CaseApi(system, "cg-jianxi-2");
        assertOk(handler.startInspection(caseId, "重新到场核查, 烧烤摊夜间复出"), "INSPECTING");
        assertOk(handler.orderRectification(caseId, "责令摊主停止露天烧烤, 改用净化设备"), "RECTIFICATION_ORDERED");
        assertOk(handler.rectified(caseId, "摊主已搬入店内并安装油烟净化器"), "RECTIFIED");
        assertOk(colleague.verify(caseId, "复查合格"), "VERIFIED");
        assertOk(handler.close(caseId, "经再次核查, 烧烤摊已入室经营并安装油烟净化器, 问题已整改到位。"), "CLOSURE_REQUESTED");
        assertThat(colleague.approveClosure(caseId).status()).as("the verifier who signed 复查 may not approve the closure")
                .isEqualTo(409);
        assertOk(new CaseApi(system, Handlers.CLOSURE_VERIFIER).approveClosure(caseId), "CLOSED");

        Waiting.until(STEP, () -> sms.milestonesOf(complaintId).stream().filter("CLOSED"::equals).count() >= 2, () -> "the second CLOSED SMS: " + sms.milestonesOf(complaintId));
        Waiting.pause(Duration.ofSeconds(3)); // a copy of any milestone would come within seconds
        assertThat(sms.milestonesOf(complaintId))
                .containsExactlyInAnyOrder("REGISTERED", "DISPATCHED", "CLOSED", "REOPENED", "CLOSED");
        assertThat(smsc.received().stream().filter(r -> r.destination().endsWith(report.phone()))
                .map(Smsc.Received::text).filter(t -> t.contains("已办结")))
                .as("two CLOSED texts, each with its own reply")
                .hasSize(2).anyMatch(t -> t.contains("烧烤摊已取缔")).anyMatch(t -> t.contains("入室经营"));
    }

    /**
     * Open burning in 涧西区 (urban management) is inspected and ordered to rectify (限期整改) within
     * seconds; the RECTIFY clock (整改期限) passes its deadline: enforcement marks the case overdue,
     * opens the automatic re-inspection (到期复查) and escalates (the shared system escalates 0 h after
     * any deadline); the unit leader the escalation directory names gets the OVERDUE and ESCALATED
     * texts naming 整改期限, each once; the unit's check finds it not rectified (the order stays), a
     * later check finds it rectified (RECTIFIED, the clock stops).
     */
    @Test
    void aRectificationOrderPastItsDeadlineIsReinspectedAndEscalatedToTheUnitLeaderOnce() {
        Smsc smsc = system.smsc().orElseThrow(() -> new IllegalStateException("the shared system sends over SMPP"));
        JsonHttp.Answer imported = new EscalationDirectoryApi(system, "campaign").importCsv(String.join("\n",
                "unit,role,name,mobile", "URBAN_MANAGEMENT@410305,UNIT_LEADER," + RECTIFY_LEADER + "," + RECTIFY_LEADER_MOBILE, ""));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Filed filed = fileAndDispatch(EndToEndIT.report("loop-rectify", "410305", "AIR_OPEN_BURNING"));
        String caseId = filed.caseId();
        Ledger ledger = system.ledger();
        assertThat(Handlers.unitOf(ledger.caseDispatched(caseId).orElseThrow())).isEqualTo("URBAN_MANAGEMENT@410305");
        CaseApi handler = new CaseApi(system, "cg-jianxi");
        Waiting.until(STEP, () -> handler.get(caseId).status() == 200, () -> caseId + " opened in enforcement");
        assertOk(handler.accept(caseId), "ACCEPTED");
        assertOk(handler.startInspection(caseId, "到场核查, 空地焚烧垃圾"), "INSPECTING");

        // 限期整改 with a deadline seconds ahead: the API takes any deadline in the future
        OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(RECTIFY_SECONDS).withNano(0);
        long ordered = System.nanoTime();
        assertOk(handler.orderRectification(caseId, "责令清理焚烧残余并设置围挡", deadline), "RECTIFICATION_ORDERED");
        assertThat(handler.rectificationCheck(caseId, true, "提前复查").status()).as("no 到期复查 before the deadline")
                .isEqualTo(409);

        // the deadline passes: overdue, the automatic re-inspection, escalations; all from enforcement's clock
        Waiting.until(STEP, () -> rectifyEvents(caseId, "case.overdue.v1").size() == 1
                        && rectifyEvents(caseId, "case.escalated.v1").size() == 3 && checkDue(caseId).size() == 1,
                () -> "the RECTIFY clock's overdue, escalations and 到期复查 of " + caseId + ": " + ledger.lifecycle(caseId));
        JsonHttp.Answer view = handler.get(caseId);
        assertThat(view.text("state")).isEqualTo("RECTIFICATION_ORDERED");
        assertThat(view.json().path("overdue").asBoolean()).as(view.body()).isTrue();
        JsonNode rectify = rectifyClock(view);
        assertThat(Instant.parse(rectify.path("deadline").asString())).isEqualTo(deadline.toInstant());
        assertThat(rectify.path("stoppedAt").isMissingNode() || rectify.path("stoppedAt").isNull()).as("still running").isTrue();
        JsonNode checks = view.json().path("rectificationChecks");
        assertThat(checks.size()).as(view.body()).isEqualTo(1);
        assertThat(checks.get(0).path("finding").isNull() || checks.get(0).path("finding").isMissingNode()).as("waiting").isTrue();
        assertThat(checks.get(0).path("unit").toString()).contains("URBAN_MANAGEMENT").contains("410305");
        assertThat(view.json().path("timeline").valueStream().map(e -> e.path("action").asString()))
                .containsOnlyOnce("RECTIFICATION_CHECK_DUE");

        Waiting.until(STEP, () -> EscalationIT.kinds(smsc, RECTIFY_LEADER_MOBILE).containsAll(List.of("OVERDUE", "ESCALATED")),
                () -> "the leader's OVERDUE and ESCALATED texts: " + EscalationIT.texts(smsc, RECTIFY_LEADER_MOBILE));
        double overdueSeconds = (System.nanoTime() - ordered) / 1e9;

        // the unit's 到期复查: not rectified keeps the order (and its clock); rectified moves it on
        JsonHttp.Answer failed = handler.rectificationCheck(caseId, false, "焚烧残余仍未清理");
        assertOk(failed, "RECTIFICATION_ORDERED");
        assertThat(failed.json().path("rectificationChecks").get(0).path("finding").asString()).isEqualTo("NOT_RECTIFIED");
        assertThat(rectifyClock(failed).path("stoppedAt").isMissingNode() || rectifyClock(failed).path("stoppedAt").isNull())
                .as("the order's clock keeps running").isTrue();
        JsonHttp.Answer passed = handler.rectificationCheck(caseId, true, "残余已清运, 围挡已设置");
        assertOk(passed, "RECTIFIED");
        JsonNode found = passed.json().path("rectificationChecks");
        assertThat(found.valueStream().map(c -> c.path("finding").asString())).containsExactly("NOT_RECTIFIED", "RECTIFIED");
        assertThat(rectifyClock(passed).path("stoppedAt").asString()).as("the clock stopped").isNotBlank();
        assertThat(passed.json().path("overdue").asBoolean()).isFalse();

        Waiting.pause(Duration.ofSeconds(3)); // a second copy of any text or event would come within seconds
        assertThat(rectifyEvents(caseId, "case.overdue.v1")).hasSize(1);
        assertThat(rectifyEvents(caseId, "case.escalated.v1").stream().map(o -> o.text("level")))
                .containsExactlyInAnyOrder("UNIT_LEADER", "CAMPAIGN_OFFICE", "DISCIPLINE_OFFICE");
        assertThat(checkDue(caseId)).hasSize(1);
        List<String> texts = EscalationIT.texts(smsc, RECTIFY_LEADER_MOBILE);
        assertThat(EscalationIT.kinds(smsc, RECTIFY_LEADER_MOBILE)).as("to %s: %s", RECTIFY_LEADER, texts)
                .containsOnlyOnce("OVERDUE", "ESCALATED").doesNotHaveDuplicates().allMatch(k -> !k.startsWith("OTHER"));
        String tracking = filed.trackingNumber();
        assertThat(texts).allMatch(t -> t.contains(RECTIFY_LEADER) && t.contains(tracking) && t.contains("整改期限"),
                "names the leader, the case and 整改期限");
        System.out.printf("rectification order → leader's OVERDUE and ESCALATED texts: %.1f s (deadline %d s)%n",
                overdueSeconds, RECTIFY_SECONDS);
    }

    /** A report filed over HTTP (201) and the case dispatch opened for it or merged it into. */
    private record Filed(String complaintId, String trackingNumber, String caseId) {
    }

    private static Filed fileAndDispatch(Report report) {
        JsonHttp.Answer filed = system.complaints().file(report.httpBody(), report.externalTicketId());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String complaintId = filed.text("complaintId");
        Waiting.until(STEP, () -> system.ledger().caseOf(complaintId).isPresent(), () -> "dispatch of " + complaintId);
        return new Filed(complaintId, filed.text("trackingNumber"), system.ledger().caseOf(complaintId).orElseThrow());
    }

    private static List<Observed> rectifyEvents(String caseId, String type) {
        return system.ledger().lifecycle(caseId).stream()
                .filter(o -> type.equals(o.type()) && "RECTIFY".equals(o.text("clock"))).toList();
    }

    private static List<Observed> checkDue(String caseId) {
        return system.ledger().lifecycle(caseId).stream()
                .filter(o -> "case.rectification-check-due.v1".equals(o.type())).toList();
    }

    private static JsonNode rectifyClock(JsonHttp.Answer view) {
        return view.json().path("clocks").valueStream().filter(c -> "RECTIFY".equals(c.path("name").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no RECTIFY clock: " + view.body()));
    }

    private static Observed dispatchRound(String complaintId, int round) {
        Waiting.until(STEP, () -> roundOf(complaintId, round).isPresent(), () -> "routing round " + round + " of " + complaintId);
        return roundOf(complaintId, round).orElseThrow();
    }

    private static Optional<Observed> roundOf(String complaintId, int round) {
        return system.ledger().dispatchOutcomes(complaintId).stream()
                .filter(o -> Ledger.DISPATCHED.equals(o.type()) && o.body().path("routingRound").asInt() == round).findFirst();
    }

    /** The lead unit's handler returns the case once it is in the handler's inbox (DISPATCHED to that unit). */
    private static void returnAs(String user, String caseId, String reasonCode, String reason) {
        CaseApi handler = new CaseApi(system, user);
        Waiting.until(STEP, () -> {
            JsonHttp.Answer view = handler.get(caseId);
            return view.status() == 200 && "DISPATCHED".equals(view.text("state"));
        }, () -> caseId + " DISPATCHED to " + user + ": " + handler.get(caseId).body());
        JsonHttp.Answer returned = handler.returnCase(caseId, reasonCode, reason);
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.text("state")).isEqualTo("RETURNED");
    }

    private static List<String> waitingIds(DispatchApi office) {
        JsonHttp.Answer waiting = office.arbitrations();
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
        return waiting.json().valueStream().map(f -> f.path("id").asString()).toList();
    }

    private static void assertOk(JsonHttp.Answer answer, String state) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.text("state")).as(answer.body()).isEqualTo(state);
    }
}
