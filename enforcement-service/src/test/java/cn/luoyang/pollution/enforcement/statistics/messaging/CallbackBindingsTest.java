package cn.luoyang.pollution.enforcement.statistics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.contracts.notification.CallbackCompleted;
import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.statistics.Callback;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the {@code reporters.callbacks} consumer keeps of a {@code callback.completed.v1}, and what it dead-letters. */
class CallbackBindingsTest {

    private static final Instant AT = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void aCompletedCallbackIsKeptWithItsCaseOutcomeAndTime() {
        Callback kept = CallbackBindings.translate(new CallbackCompleted("e-1", "task-1", "CASE-1", "cmp-1", "CLOSED",
                CallbackOutcome.ANSWERED, 1, Satisfaction.SATISFIED, AT, 1));

        assertThat(kept).isEqualTo(new Callback("e-1", "CASE-1", "cmp-1", "CLOSED", CallbackOutcome.ANSWERED, AT));
        assertThat(kept.reachedReporter()).isTrue();
    }

    @Test
    void aCallbackAboutAComplaintNotYetDispatchedIsKeptWithoutACase() {
        Callback kept = CallbackBindings.translate(new CallbackCompleted("e-2", "task-2", null, "cmp-2", "REGISTERED",
                CallbackOutcome.NOT_REACHED, 3, null, AT, 1));

        assertThat(kept.caseId()).isNull();
        assertThat(kept.reachedReporter()).isFalse();
    }

    @Test
    void oneWithoutAComplaintOrAnOutcomeGoesToTheDeadLetterTopicWithItsReason() {
        assertThatThrownBy(() -> CallbackBindings.translate(new CallbackCompleted("e-3", "task-3", "CASE-1", null, "CLOSED",
                CallbackOutcome.REACHED, 1, null, AT, 1)))
                .isInstanceOfSatisfying(UnreadableEventException.class, e -> assertThat(e.reason()).isEqualTo("invalid-callback"));
        assertThatThrownBy(() -> CallbackBindings.translate(new CallbackCompleted("e-4", "task-4", "CASE-1", "cmp-4", "CLOSED",
                null, 1, null, AT, 1)))
                .isInstanceOfSatisfying(UnreadableEventException.class, e -> assertThat(e.reason()).isEqualTo("invalid-callback"));
    }

    @Test
    void anOutcomeNobodyKnowsIsUnreadableAndGoesToTheDeadLetterTopicWithItsReason() {
        String json = """
                {"eventId":"e-5","taskId":"task-5","caseId":"CASE-1","complaintId":"cmp-5","milestone":"CLOSED",
                 "outcome":"HUNG_UP","tries":1,"rating":null,"occurredAt":"2026-11-26T02:00:00Z","schemaVersion":1}""";

        assertThatThrownBy(() -> new EventCodec().decode(EventTypes.nameOf(CallbackCompleted.class),
                json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableEventException.class, e -> assertThat(e.reason()).isEqualTo("malformed-json"));
    }
}
