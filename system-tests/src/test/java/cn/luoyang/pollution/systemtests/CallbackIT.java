package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.systemtests.harness.CaseWalk;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, the callback worklist (回访) over the real processes: a reporter on a landline, whom SMS
 * cannot reach, files over HTTP; the case is worked to CLOSED; the CLOSED milestone's callback task
 * appears for the hotline; the operator takes it, sees the number, records the answer "3", and
 * enforcement reopens the case as it would for an SMS "3".
 */
class CallbackIT {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final String LANDLINE = "0379-63211234";

    static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.shared();
    }

    @Test
    void aLandlineReportersClosedCaseIsCalledBackAndAnUnsatisfiedAnswerReopensIt() {
        Map<String, Object> body = new HashMap<>(EndToEndIT.jianxiConstructionDust("callback").httpBody());
        body.put("reporter", Map.of("anonymous", false, "phone", LANDLINE));
        JsonHttp.Answer filed = system.complaints().file(body, null);
        assertThat(filed.status()).as(filed.body()).isIn(200, 201, 202);
        String complaintId = filed.text("complaintId");

        CaseWalk.Outcome walked = CaseWalk.acceptAndClose(system, complaintId, "经现场核查, 工地已覆盖裸土, 问题已整改。", STEP);
        assertThat(walked.closed().body()).contains("\"state\":\"CLOSED\"");
        String caseId = walked.caseId();

        JsonHttp operator = new JsonHttp(system.url(Component.NOTIFICATION))
                .withAuthorization(() -> system.tokens().bearer("operator", "luoyang2026"));
        AtomicReference<Optional<JsonNode>> task = new AtomicReference<>(Optional.empty());
        assertThat(Ledger.within(STEP, () -> {
            task.set(operator.get("/api/callbacks?limit=500").json().valueStream()
                    .filter(t -> complaintId.equals(t.path("complaintId").asString())
                            && "CLOSED".equals(t.path("milestone").asString()))
                    .findFirst());
            return task.get().isPresent();
        })).as("the CLOSED milestone's callback task of " + complaintId).isTrue();
        String id = task.get().get().path("id").asString();
        assertThat(task.get().get().toString()).doesNotContain("63211234").contains("已整改");

        assertThat(operator.postJson("/api/callbacks/" + id + "/take", Map.of()).status()).isEqualTo(200);
        JsonHttp.Answer revealed = operator.postJson("/api/callbacks/" + id + "/reveal", Map.of());
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.text("phone").replaceAll("\\D", "")).endsWith("37963211234");
        JsonHttp.Answer answered = operator.postJson("/api/callbacks/" + id + "/outcome",
                Map.of("outcome", "ANSWERED", "rating", "3"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        assertThat(Ledger.within(STEP, () -> system.ledger().lifecycle(caseId).stream()
                .anyMatch(o -> o.type().toLowerCase().contains("reopened"))))
                .as(caseId + " reopened: " + system.ledger().lifecycle(caseId)).isTrue();
    }
}
