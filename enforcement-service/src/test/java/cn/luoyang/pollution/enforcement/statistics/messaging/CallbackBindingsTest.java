package cn.luoyang.pollution.enforcement.statistics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.notification.CallbackCompleted;
import cn.luoyang.pollution.enforcement.statistics.Callback;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the {@code reporters.callbacks} consumer keeps of a {@code callback.completed.v1}, and what it dead-letters. */
class CallbackBindingsTest {

    private static final Instant AT = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void aCompletedCallbackIsKeptWithItsCaseOutcomeAndTime() {
        Callback kept = CallbackBindings.translate(new CallbackCompleted("e-1", "task-1", "CASE-1", "cmp-1", "CLOSED",
                "ANSWERED", 1, "SATISFIED", AT, 1));

        assertThat(kept).isEqualTo(new Callback("e-1", "CASE-1", "cmp-1", "CLOSED", "ANSWERED", AT));
        assertThat(kept.reachedReporter()).isTrue();
    }

    @Test
    void aCallbackAboutAComplaintNotYetDispatchedIsKeptWithoutACase() {
        Callback kept = CallbackBindings.translate(new CallbackCompleted("e-2", "task-2", null, "cmp-2", "REGISTERED",
                "NOT_REACHED", 3, null, AT, 1));

        assertThat(kept.caseId()).isNull();
        assertThat(kept.reachedReporter()).isFalse();
    }

    @Test
    void oneWithoutAComplaintOrWithAnUnknownOutcomeGoesToTheDeadLetterTopicWithItsReason() {
        assertThatThrownBy(() -> CallbackBindings.translate(new CallbackCompleted("e-3", "task-3", "CASE-1", null, "CLOSED",
                "REACHED", 1, null, AT, 1)))
                .isInstanceOfSatisfying(UnreadableEventException.class, e -> assertThat(e.reason()).isEqualTo("invalid-callback"));
        assertThatThrownBy(() -> CallbackBindings.translate(new CallbackCompleted("e-4", "task-4", "CASE-1", "cmp-4", "CLOSED",
                "HUNG_UP", 1, null, AT, 1)))
                .isInstanceOfSatisfying(UnreadableEventException.class, e -> assertThat(e.reason()).isEqualTo("invalid-callback"));
    }
}
