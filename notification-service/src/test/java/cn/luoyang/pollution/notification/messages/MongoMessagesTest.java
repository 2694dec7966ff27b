package cn.luoyang.pollution.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The message store on the embedded MongoDB: the guarantees "exactly once" stands on. */
class MongoMessagesTest {

    private static final Instant T0 = Instant.parse("2026-11-28T04:00:00Z");
    private final MongoFixture mongo = new MongoFixture();
    private final Messages messages = new MongoMessages(mongo.template());

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aSecondMessageWithTheSameKeyIsRefused() {
        MessageKey key = MessageKey.of("CASE-1", Milestone.CLOSED, "c-1");
        assertThat(messages.add(SmsMessage.queue(key, "CASE-1", "first", false, T0))).isTrue();
        assertThat(messages.add(SmsMessage.queue(key, "CASE-1", "again", false, T0.plusSeconds(5)))).isFalse();
        assertThat(messages.forComplaint("c-1")).singleElement().extracting(SmsMessage::text).isEqualTo("first");
    }

    @Test
    void aClaimedMessageIsNotClaimedAgainWhileItsLeaseHolds() {
        messages.add(SmsMessage.queue(MessageKey.of("c-1", Milestone.REGISTERED, "c-1"), null, "hi", false, T0));

        List<SmsMessage> first = messages.claimDue(T0, T0.plus(Duration.ofMinutes(2)), 10);
        List<SmsMessage> second = messages.claimDue(T0.plusSeconds(30), T0.plusSeconds(150), 10);

        assertThat(first).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(MessageState.SENDING);
            assertThat(m.attempts()).isEqualTo(1);
        });
        assertThat(second).isEmpty();
    }

    @Test
    void afterACrashTheExpiredLeaseLetsTheMessageBeClaimedAgain() {
        messages.add(SmsMessage.queue(MessageKey.of("c-1", Milestone.REGISTERED, "c-1"), null, "hi", false, T0));
        messages.claimDue(T0, T0.plus(Duration.ofMinutes(2)), 10);
        // the sender that held it died; a restarted one looks after the lease ran out

        assertThat(messages.claimDue(T0.plus(Duration.ofMinutes(3)), T0.plus(Duration.ofMinutes(5)), 10))
                .singleElement().extracting(SmsMessage::attempts).isEqualTo(2);
    }

    @Test
    void aMessageHeldUntilLaterIsNotDueBefore() {
        SmsMessage message = SmsMessage.queue(MessageKey.of("c-1", Milestone.REGISTERED, "c-1"), null, "hi", false, T0);
        messages.add(message);
        SmsMessage claimed = messages.claimDue(T0, T0.plusSeconds(120), 1).get(0);
        claimed.defer(T0.plus(Duration.ofHours(10)), "quiet-hours");
        assertThat(messages.save(claimed)).isTrue();

        assertThat(messages.claimDue(T0.plus(Duration.ofHours(9)), T0.plus(Duration.ofHours(9)), 10)).isEmpty();
        assertThat(messages.claimDue(T0.plus(Duration.ofHours(10)), T0.plus(Duration.ofHours(11)), 10)).hasSize(1);
    }

    @Test
    void aStaleCopyCannotOverwriteANewerState() {
        messages.add(SmsMessage.queue(MessageKey.of("c-1", Milestone.REGISTERED, "c-1"), null, "hi", false, T0));
        SmsMessage claimed = messages.claimDue(T0, T0.plusSeconds(120), 1).get(0);
        SmsMessage stale = messages.byId(claimed.id()).orElseThrow();

        claimed.sent("gw-1", "hash", "138****5678", T0.plusSeconds(1));
        assertThat(messages.save(claimed)).isTrue();
        stale.defer(T0.plusSeconds(60), "gateway: down");
        assertThat(messages.save(stale)).isFalse();
        assertThat(messages.byGatewayMessageId("gw-1")).map(SmsMessage::state).contains(MessageState.SENT);
    }

    @Test
    void countsWhatWasSentToANumberWithinAWindow() {
        for (int i = 0; i < 3; i++) {
            messages.add(SmsMessage.queue(MessageKey.of("c-" + i, Milestone.REGISTERED, "c-" + i), null, "hi", false, T0));
        }
        List<SmsMessage> claimed = messages.claimDue(T0, T0.plusSeconds(120), 10);
        for (int i = 0; i < claimed.size(); i++) {
            claimed.get(i).sent("gw-" + i, "same-hash", "138****5678", T0.plusSeconds(i * 40L));
            messages.save(claimed.get(i));
        }
        assertThat(messages.sentToNumberSince("same-hash", T0.plusSeconds(30))).hasSize(2).first().isEqualTo(T0.plusSeconds(40));
        assertThat(messages.sentToNumberSince("other-hash", T0)).isEmpty();
    }

    @Test
    void aLimitedClaimTakesTheLongestWaitingFirstAndDoneMessagesLeaveTheDueIndex() {
        for (int i = 0; i < 30; i++) {
            // queued in a scrambled order, each due a minute apart
            int minute = i * 7 % 30;
            messages.add(SmsMessage.queue(MessageKey.of("c-" + minute, Milestone.REGISTERED, "c-" + minute), null, "hi",
                    false, T0.plus(Duration.ofMinutes(minute))));
        }
        List<SmsMessage> firstFive = messages.claimDue(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), 5);
        assertThat(firstFive).extracting(SmsMessage::notBefore)
                .containsExactly(T0, T0.plus(Duration.ofMinutes(1)), T0.plus(Duration.ofMinutes(2)),
                        T0.plus(Duration.ofMinutes(3)), T0.plus(Duration.ofMinutes(4)));

        SmsMessage done = firstFive.get(0);
        done.sent("gw-1", "hash", "138****5678", T0.plus(Duration.ofHours(1)));
        messages.save(done);
        assertThat(mongo.template().getCollection("sms_messages").find(new Document("_id", done.id())).first())
                .as("a sent message is no longer waiting").doesNotContainKey("dueAt");
    }

    @Test
    void messagesStoredBeforeTheDueTimeExistedAreStampedAndSent() {
        var collection = mongo.template().getCollection("sms_messages");
        messages.add(SmsMessage.queue(MessageKey.of("c-1", Milestone.REGISTERED, "c-1"), null, "hi", false, T0));
        collection.updateMany(new Document(), new Document("$unset", new Document("dueAt", "")));

        Messages restarted = new MongoMessages(mongo.template());

        assertThat(restarted.claimDue(T0, T0.plusSeconds(120), 10)).singleElement()
                .extracting(SmsMessage::state).isEqualTo(MessageState.SENDING);
    }
}
