package cn.luoyang.pollution.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageStateTest {

    private static final Set<String> ALLOWED = Set.of(
            "QUEUED>SENDING", "QUEUED>CANCELLED",
            "SENDING>QUEUED", "SENDING>SENT", "SENDING>FAILED", "SENDING>CANCELLED", "SENDING>UNREACHABLE",
            "SENT>DELIVERED", "SENT>FAILED");

    static Stream<Arguments> everyPair() {
        return EnumSet.allOf(MessageState.class).stream()
                .flatMap(from -> EnumSet.allOf(MessageState.class).stream().map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheLifeOfAnSmsIsAllowed(MessageState from, MessageState to) {
        assertThat(from.canMoveTo(to)).isEqualTo(ALLOWED.contains(from + ">" + to));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finals")
    void deliveredFailedCancelledAndUnreachableAreFinal(MessageState state) {
        assertThat(state.isFinal()).isTrue();
    }

    static Stream<MessageState> finals() {
        return Stream.of(MessageState.DELIVERED, MessageState.FAILED, MessageState.CANCELLED, MessageState.UNREACHABLE);
    }

    @org.junit.jupiter.api.Test
    void aDeliveredMessageCannotBeSentAgain() {
        SmsMessage message = SmsMessage.queue(MessageKey.of("c-1", Milestone.REGISTERED, "c-1"), null, "hi", false,
                Instant.parse("2026-11-28T02:00:00Z"));
        message.claim(Instant.parse("2026-11-28T02:02:00Z"));
        message.sent("gw-1", "hash", "138****5678", Instant.parse("2026-11-28T02:00:01Z"));
        message.delivered(Instant.parse("2026-11-28T02:00:02Z"));

        assertThatThrownBy(() -> message.claim(Instant.parse("2026-11-28T02:05:00Z"))).isInstanceOf(IllegalStateException.class);
        assertThat(message.unannounced()).as("one event per change").extracting(SmsMessage.Change::state)
                .containsExactly(MessageState.SENT, MessageState.DELIVERED);
    }

    @org.junit.jupiter.api.Test
    void aHandOverTheGatewayCertainlyRefusedIsForgottenWhenTheMessageIsQueuedAgain() {
        SmsMessage message = SmsMessage.queue(MessageKey.of("c-1", Milestone.REGISTERED, "c-1"), null, "hi", false,
                Instant.parse("2026-11-28T02:00:00Z"));
        message.claim(Instant.parse("2026-11-28T02:02:00Z"));
        message.handingOver(Instant.parse("2026-11-28T02:00:01Z"));
        assertThat(message.handOverBegun()).isTrue();
        assertThatThrownBy(() -> message.handingOver(Instant.parse("2026-11-28T02:00:02Z")))
                .as("one hand-over per claim").isInstanceOf(IllegalStateException.class);

        message.defer(Instant.parse("2026-11-28T02:00:10Z"), "gateway: not bound");
        message.claim(Instant.parse("2026-11-28T02:02:10Z"));

        assertThat(message.handOverBegun()).isFalse();
        assertThat(message.handoverStartedAt()).isNull();
    }

    @org.junit.jupiter.api.Test
    void theKeyOfARepeatableMilestoneNamesItsOccurrence() {
        assertThat(new MessageKey("CASE-1", Milestone.EXTENDED, "c-1", "2026-12-30T00:00:00Z").asId())
                .isEqualTo("CASE-1/EXTENDED/c-1/2026-12-30T00:00:00Z");
        assertThat(MessageKey.of("CASE-1", Milestone.CLOSED, "c-1").asId()).isEqualTo("CASE-1/CLOSED/c-1");
    }
}
