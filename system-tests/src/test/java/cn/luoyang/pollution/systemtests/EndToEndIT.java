package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.systemtests.harness.Hotline;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Observed;
import cn.luoyang.pollution.systemtests.harness.CaseWalk;
import cn.luoyang.pollution.systemtests.harness.GatewaySms;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.systemtests.load.Report;
import cn.luoyang.pollution.systemtests.load.ReportFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's path through the real processes: a complaint filed over HTTP and one published by a
 * hotline on Kafka each reach a dispatched case, are accepted and closed through the handler API,
 * and leave exactly three SMS records for their reporter; bad input is refused or dead-lettered.
 */
class EndToEndIT {

    private static final Duration STEP = Duration.ofSeconds(60);

    static SystemUnderTest system;
    static Hotline hotline;
    static GatewaySms sentSms;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.shared();
        hotline = system.hotline();
        sentSms = system.sms();
    }

    @AfterAll
    static void stop() {
        hotline.close();
        sentSms.close();
    }

    @Test
    void aComplaintFiledOverHttpIsDispatchedAcceptedClosedAndTextedThreeTimes() {
        Report report = jianxiConstructionDust("e2e-http");
        JsonHttp.Answer answer = system.complaints().file(report.httpBody(), report.externalTicketId());

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.text("trackingNumber")).startsWith("LY");
        walkTheWholeLoop(report, answer.text("complaintId"));
    }

    @Test
    void aComplaintPublishedByAHotlineOnKafkaIsDispatchedAcceptedClosedAndTextedThreeTimes() {
        Report report = jianxiConstructionDust("e2e-kafka");
        Hotline.await(hotline.submit(report.event(hotline, Instant.now())));

        assertThat(Ledger.within(STEP, () -> system.ledger().registration(report.ticketKey()).isPresent()))
                .as("registered: %s", report.ticketKey()).isTrue();
        walkTheWholeLoop(report, system.ledger().registration(report.ticketKey()).orElseThrow().text("complaintId"));
    }

    /**
     * Issue 14: a hotline operator's report whose only place is in its prose ("洛阳市涧西区中州西路的工地扬尘很大",
     * no coordinates, no address) is registered, routed by the district its words name, and worked to the end.
     */
    @Test
    void aHotlineReportWhosePlaceIsOnlyInItsProseIsRoutedByTheDistrictItNames() {
        Report base = jianxiConstructionDust("e2e-prose");
        ComplaintSubmitted withCoordinates = base.event(hotline, Instant.now());
        ComplaintSubmitted prose = new ComplaintSubmitted(withCoordinates.eventId(), withCoordinates.sourceSystem(),
                withCoordinates.externalTicketId(), withCoordinates.channel(), withCoordinates.category(), null,
                "洛阳市涧西区中州西路的工地扬尘很大, 夜间也不覆盖", null, null, withCoordinates.observedAt(), true, List.of(),
                withCoordinates.reporter(), false, withCoordinates.occurredAt(), ComplaintSubmitted.VERSION);
        Hotline.await(hotline.submit(prose));

        Ledger ledger = system.ledger();
        assertThat(Ledger.within(STEP, () -> ledger.registration(base.ticketKey()).isPresent())).as("registered").isTrue();
        String complaintId = ledger.registration(base.ticketKey()).orElseThrow().text("complaintId");
        assertThat(Ledger.within(STEP, () -> ledger.caseOf(complaintId).isPresent())).as("dispatched").isTrue();
        Observed dispatched = ledger.caseDispatched(ledger.caseOf(complaintId).orElseThrow()).orElseThrow();
        assertThat(dispatched.body().path("territory").path("districtCode").asString()).isEqualTo("410305");
        assertThat(dispatched.body().path("territory").path("foundBy").asString()).isEqualTo("DESCRIPTION_TEXT");
        walkTheWholeLoop(base, complaintId);
    }

    @Test
    void aMalformedHttpComplaintIsRefusedWith400AndAMessagePerFieldButNeverForItsPhone() {
        Map<String, Object> body = new HashMap<>(jianxiConstructionDust("e2e-bad").httpBody());
        body.remove("category");
        body.put("reporter", Map.of("anonymous", false, "phone", "12345"));

        JsonHttp.Answer answer = system.complaints().file(body, null);

        assertThat(answer.status()).isEqualTo(400);
        List<String> fields = answer.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        assertThat(fields).containsExactly("category");
        assertThat(answer.body()).doesNotContain("12345");
    }

    @Test
    void aMalformedKafkaRecordIsDeadLetteredWithAReasonAndTheConsumerKeepsConsuming() {
        String poisonKey = "e2e-poison:" + UUID.randomUUID();
        Hotline.await(hotline.submitRaw(poisonKey, "{\"category\": ".getBytes(StandardCharsets.UTF_8),
                Hotline.headersFor(UUID.randomUUID().toString(), "complaint.submitted.v1", poisonKey)));
        Report after = jianxiConstructionDust("e2e-after-poison");
        Hotline.await(hotline.submit(after.event(hotline, Instant.now())));

        assertThat(Ledger.within(STEP, () -> system.ledger().deadLetterWithKey(Topics.COMPLAINTS_SUBMITTED, poisonKey).isPresent()))
                .as("dead-lettered").isTrue();
        Observed dead = system.ledger().deadLetterWithKey(Topics.COMPLAINTS_SUBMITTED, poisonKey).orElseThrow();
        assertThat(Ledger.reasonOf(dead)).isNotBlank();
        assertThat(dead.header(CloudEventHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.COMPLAINTS_SUBMITTED);
        assertThat(Ledger.within(STEP, () -> system.ledger().registration(after.ticketKey()).isPresent()))
                .as("the record after the poison one is registered").isTrue();
    }

    private void walkTheWholeLoop(Report report, String complaintId) {
        Ledger ledger = system.ledger();
        CaseWalk.Outcome walked = CaseWalk.acceptAndClose(system, complaintId, "经现场核查, 工地已覆盖裸土并洒水降尘, 问题已整改。", STEP);
        assertThat(walked.accepted().status()).as(walked.accepted().body()).isBetween(200, 204);
        assertThat(walked.closed().status()).as(walked.closed().body()).isBetween(200, 204);
        assertThat(walked.closed().body()).as("closed after 办结审核 by a second person").contains("\"state\":\"CLOSED\"");
        String caseId = walked.caseId();

        assertThat(Ledger.within(STEP, () -> ledger.lifecycle(caseId).stream().anyMatch(o -> "case.closed.v1".equals(o.type()))))
                .as("CaseClosed published").isTrue();
        assertThat(Ledger.within(STEP, () -> sentSms.milestonesOf(complaintId).size() >= 3)).as("three SMS").isTrue();
        // a fourth message would come shortly after the third if one milestone were sent twice
        sleep(Duration.ofSeconds(3));
        assertThat(sentSms.milestonesOf(complaintId)).containsExactlyInAnyOrder("REGISTERED", "DISPATCHED", "CLOSED");
    }

    /** A construction-dust report inside 涧西区 (GCJ-02), which the demo handlers of 涧西 work. */
    static Report jianxiConstructionDust(String prefix) {
        return report(prefix, "410305", "AIR_CONSTRUCTION_DUST");
    }

    /** A valid report of {@code category} at a point inside the district {@code districtCode}. */
    static Report report(String prefix, String districtCode, String category) {
        return ReportFactory.inDistrict(prefix, districtCode, category, "现场污染问题, 请尽快处理", new Random(prefix.hashCode()));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
