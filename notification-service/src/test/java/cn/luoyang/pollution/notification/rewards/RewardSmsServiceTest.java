package cn.luoyang.pollution.notification.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.contracts.rewards.RewardClaimDecided;
import cn.luoyang.pollution.contracts.rewards.RewardClaimOpened;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.testing.ServiceTest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * 有奖举报 over a real broker and the embedded MongoDB: a claim announced twice gives its reporter one
 * SMS with the claim code, each decision one more; a landline reporter gets a callback task instead.
 */
@ServiceTest
@TestPropertySource(properties = {
        "notification.quiet-hours.enabled=false",
        "notification.caps.enabled=false",
        "notification.sending.poll-interval=100ms",
        "reporter-contact.keys-dir=target/test-keys/rewards"})
class RewardSmsServiceTest {

    static final ContactSealer SEALER = ContactSealer.withPublicKeyset(
            ContactKeys.ensure(Path.of("target/test-keys/rewards")).publicKeyset());

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;

    @Test
    void theReporterHearsOnceOfTheClaimWithItsCodeAndOnceOfEachDecision() throws InterruptedException {
        String caseId = "CASE-LY20261130-000700";
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered("rw-1", "LY20261130-000700", "13812340000", SEALER));
        publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched(caseId, "rw-1", "LY20261130-000700", "URBAN_MANAGEMENT"));
        awaitSms("rw-1", 2);

        RewardClaimOpened opened = new RewardClaimOpened("ev-opened-rw-1", caseId, "rw-1", "rw-1", "LY20261130-000700",
                "40271958", new BigDecimal("1000"), Events.T0, RewardClaimOpened.VERSION);
        publisher.publish(Topics.CASES_LIFECYCLE, opened);
        publisher.publish(Topics.CASES_LIFECYCLE, opened); // re-announced (redelivered closure)
        publisher.publish(Topics.CASES_LIFECYCLE, new RewardClaimDecided("ev-approved-rw-1", caseId, "rw-1", "rw-1",
                "LY20261130-000700", "APPROVED", new BigDecimal("500.00"), "按标准", Events.T0, RewardClaimDecided.VERSION));
        awaitSms("rw-1", 4);
        // a later registration on the same topics: once its SMS is there, every reward event above was read
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered("rw-9", "LY20261130-000709", "13812349999", SEALER));
        awaitSms("rw-9", 1);
        Thread.sleep(500);

        List<Document> sms = sms("rw-1");
        assertThat(sms).extracting(d -> d.getString("milestone"))
                .containsExactlyInAnyOrder("REGISTERED", "DISPATCHED", "REWARD_OPENED", "REWARD_APPROVED");
        assertThat(text(sms, "REWARD_OPENED")).startsWith("【洛阳生态环境】").contains("LY20261130-000700", "40271958", "1000元");
        assertThat(text(sms, "REWARD_APPROVED")).contains("500元");
    }

    @Test
    void aLandlineReporterGetsACallbackTaskForTheClaim() throws InterruptedException {
        ContactNumber landline = PhoneNumbers.read("0379-63219876");
        String caseId = "CASE-LY20261130-000701";
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered("rw-2", "LY20261130-000701",
                new SealedContact(false, SEALER.seal(landline.normalForm()), landline.masked(), landline.kind().name())));
        publisher.publish(Topics.CASES_LIFECYCLE, new RewardClaimOpened("ev-opened-rw-2", caseId, "rw-2", "rw-2",
                "LY20261130-000701", "11223344", new BigDecimal("200"), Events.T0, RewardClaimOpened.VERSION));

        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tasks("rw-2", "REWARD_OPENED") == 0 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(tasks("rw-2", "REWARD_OPENED")).isEqualTo(1);
        Document task = mongo.getCollection("callback_tasks").find(new Document("complaintId", "rw-2")
                .append("milestone", "REWARD_OPENED")).first();
        assertThat(task.toJson()).contains("11223344").doesNotContain("63219876");
    }

    private long tasks(String complaintId, String milestone) {
        return mongo.getCollection("callback_tasks").countDocuments(new Document("complaintId", complaintId).append("milestone", milestone));
    }

    private static String text(List<Document> sms, String milestone) {
        return sms.stream().filter(d -> milestone.equals(d.getString("milestone"))).findFirst().orElseThrow().getString("text");
    }

    private List<Document> sms(String complaintId) {
        return mongo.getCollection("sent_sms").find(new Document("complaintId", complaintId)).into(new ArrayList<>());
    }

    private void awaitSms(String complaintId, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sms(complaintId).size() < count && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(sms(complaintId)).hasSize(count);
    }
}
