package cn.luoyang.pollution.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.notification.fixtures.SenderRig;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The crash window between handing a message to the carrier and writing SENT: a message whose
 * hand-over began is never handed over a second time, one that was only claimed still is (once).
 * Real sender and Mongo adapters on the embedded server; the "crash" is the gateway call not
 * returning, so neither SENT nor a failure is written, exactly what a SIGKILL there leaves behind.
 */
class HandOverAtMostOnceTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");
    private final MongoFixture mongo = new MongoFixture();
    private final SteppedClock clock = new SteppedClock(T0);
    private final SenderRig rig = new SenderRig(mongo.template(), clock);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aMessageWhoseHandOverBeganAndWhoseLeaseRanOutIsNotHandedOverAgainAndEndsWithAnUnknownOutcome() {
        String id = rig.queue(1);
        rig.gateway.dieDuringNextHandOver();
        rig.sender.sendDue();
        assertThat(rig.gateway.handed).containsExactly(id);
        SmsMessage leftBehind = rig.messages.byId(id).orElseThrow();
        assertThat(leftBehind.state()).isEqualTo(MessageState.SENDING);
        assertThat(leftBehind.handoverStartedAt()).isEqualTo(T0);

        clock.advance(SenderRig.LEASE.plusSeconds(1));
        assertThat(rig.sender.sendDue()).as("the expired lease makes it due once more").isEqualTo(1);
        clock.advance(SenderRig.LEASE.plusSeconds(1));
        assertThat(rig.sender.sendDue()).as("nothing is due any more").isZero();

        assertThat(rig.gateway.handed).as("handed over once only").containsExactly(id);
        SmsMessage ended = rig.messages.byId(id).orElseThrow();
        assertThat(ended.state()).isEqualTo(MessageState.FAILED);
        assertThat(ended.isOutcomeUnknown()).isTrue();
        assertThat(ended.reason()).isEqualTo("outcome-unknown: hand-over interrupted");
        assertThat(rig.published).as("ReporterNotified FAILED published").containsExactly(id + " FAILED");
        assertThat(rig.uncertain).hasValue(1);
        assertThat(rig.messages.withUnknownOutcome(10)).extracting(SmsMessage::id).containsExactly(id);
    }

    @Test
    void aMessageClaimedButNotYetHandedOverIsSentOnceAfterItsLeaseRanOut() {
        String id = rig.queue(1);
        // a sender claimed it and died before the hand-over began
        assertThat(rig.messages.claimDue(T0, T0.plus(SenderRig.LEASE), 50)).hasSize(1);

        clock.advance(SenderRig.LEASE.plusSeconds(1));
        rig.sender.sendDue();
        clock.advance(SenderRig.LEASE.plusSeconds(1));
        assertThat(rig.sender.sendDue()).isZero();

        assertThat(rig.gateway.handed).containsExactly(id);
        SmsMessage sent = rig.messages.byId(id).orElseThrow();
        assertThat(sent.state()).isEqualTo(MessageState.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(rig.uncertain).hasValue(0);
        assertThat(rig.messages.withUnknownOutcome(10)).isEmpty();
    }

    @Test
    void theNormalPathHandsEachMessageOverOnceAndRecordsWhenTheHandOverBegan() {
        List<String> ids = List.of(rig.queue(1), rig.queue(2), rig.queue(3));

        assertThat(rig.sender.sendDue()).isEqualTo(3);
        clock.advance(SenderRig.LEASE.plus(Duration.ofMinutes(1)));
        assertThat(rig.sender.sendDue()).isZero();

        assertThat(rig.gateway.handed).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            SmsMessage message = rig.messages.byId(id).orElseThrow();
            assertThat(message.state()).isEqualTo(MessageState.SENT);
            assertThat(message.handoverStartedAt()).isEqualTo(T0);
        }
        assertThat(rig.uncertain).hasValue(0);
    }

    @Test
    void aSenderWhoseClaimWasTakenOverMeanwhileDoesNotHandTheMessageOver() {
        String id = rig.queue(1);
        SmsMessage slow = rig.messages.claimDue(T0, T0.plus(SenderRig.LEASE), 50).get(0);
        clock.advance(SenderRig.LEASE.plusSeconds(1));
        SmsMessage other = rig.messages.claimDue(clock.instant(), clock.instant().plus(SenderRig.LEASE), 50).get(0);

        rig.sender.send(List.of(slow));
        assertThat(rig.gateway.handed).as("the stale claim's hand-over mark is refused").isEmpty();
        rig.sender.send(List.of(other));

        assertThat(rig.gateway.handed).containsExactly(id);
        assertThat(rig.messages.byId(id).orElseThrow().state()).isEqualTo(MessageState.SENT);
    }

    @Test
    void inAStaleBatchOnlyTheMessagesWhoseMarkWasWrittenAreHandedOverAndEachGoesOutOnce() {
        List<String> ids = List.of(rig.queue(1), rig.queue(2), rig.queue(3));
        List<SmsMessage> stale = rig.messages.claimDue(T0, T0.plus(SenderRig.LEASE), 50);
        clock.advance(SenderRig.LEASE.plusSeconds(1));
        List<SmsMessage> takenOver = rig.messages.claimDue(clock.instant(), clock.instant().plus(SenderRig.LEASE), 1);
        String lost = takenOver.get(0).id();

        rig.sender.send(stale);
        assertThat(rig.gateway.handed).as("the batch's marks are one write; the one taken over is refused")
                .hasSize(2).doesNotContain(lost);
        rig.sender.send(takenOver);

        assertThat(rig.gateway.handed).containsExactlyInAnyOrderElementsOf(ids);
        ids.forEach(id -> assertThat(rig.messages.byId(id).orElseThrow().state()).isEqualTo(MessageState.SENT));
    }

    /** Time stands still until the test moves it: a lease runs out exactly when the test says so. */
    private static final class SteppedClock extends Clock {

        private final AtomicReference<Instant> now;

        SteppedClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(t -> t.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
