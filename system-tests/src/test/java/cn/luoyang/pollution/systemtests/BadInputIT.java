package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.systemtests.badinput.BadInputSuite;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Observed;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's bad-input suite: 50+ malformed inputs over HTTP and Kafka, each with its documented answer;
 * nothing stops. And issue 14's rows of inputs that look odd but are good: every form of phone number
 * is accepted, kept sealed with its kind and mask, and answered the way its kind allows (an SMS for a
 * mobile; for a landline, foreign or unparsed number no SMS but UNREACHABLE, which the callback answers).
 */
class BadInputIT {

    @Test
    void everyMalformedInputGetsItsDocumentedAnswerAndTheCountsAddUp() {
        SystemUnderTest system = SystemUnderTest.shared();
        BadInputSuite.Result result = new BadInputSuite(system, Duration.ofSeconds(90))
                .run(EndToEndIT.report("bad-base", "410311", "NOISE_SOCIAL"), EndToEndIT.report("bad-canary", "410311", "WATER_BLACK_ODOROUS"));
        System.out.print(result.table());

        assertThat(result.httpSent() + result.kafkaSent()).isGreaterThanOrEqualTo(50);
        assertThat(result.unexpected()).isEmpty();
        assertThat(result.fixedKnownDefects()).as("fixed: remove the known-defect mark in BadInputs").isEmpty();
        assertThat(result.countsAddUp()).as(result.table()).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1} {2}, REGISTERED {3}")
    @CsvSource(delimiter = '|', value = {
        "13812340001|MOBILE|138****0001|SENT",
        "+86 138 1234 0002|MOBILE|138****0002|SENT",
        "0379-63211234|LANDLINE|0379-****1234|UNREACHABLE",
        "63211235|LANDLINE|0379-****1235|UNREACHABLE",
        "+44 20 7946 0958|FOREIGN|+44-****0958|UNREACHABLE",
        "12345|UNPARSED|****|UNREACHABLE"})
    void everyPhoneFormIsAcceptedStoredSealedAndAnsweredAsItsKindAllows(String phone, String kind, String masked, String registered) {
        SystemUnderTest system = SystemUnderTest.shared();
        Map<String, Object> body = new HashMap<>(EndToEndIT.report("phone-" + kind, "410305", "AIR_CONSTRUCTION_DUST").httpBody());
        body.put("reporter", Map.of("anonymous", false, "phone", phone));

        JsonHttp.Answer answer = system.complaints().file(body, null);

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String complaintId = answer.text("complaintId");
        Ledger ledger = system.ledger();
        assertThat(Ledger.within(Duration.ofSeconds(60), () -> ledger.registrationOfComplaint(complaintId).isPresent())).isTrue();
        Observed event = ledger.registrationOfComplaint(complaintId).orElseThrow();
        assertThat(event.body().path("reporter").path("phoneKind").asString()).isEqualTo(kind);
        assertThat(event.body().path("reporter").path("maskedPhone").asString()).isEqualTo(masked);
        assertThat(event.body().toString()).doesNotContain(phone.replace(" ", ""));
        assertThat(Ledger.within(Duration.ofSeconds(60), () -> ledger.notifications(complaintId).stream()
                .anyMatch(n -> "REGISTERED".equals(n.text("milestone")) && registered.equals(n.text("status")))))
                .as("the REGISTERED milestone of a " + kind + " reporter ends " + registered).isTrue();
    }
}
