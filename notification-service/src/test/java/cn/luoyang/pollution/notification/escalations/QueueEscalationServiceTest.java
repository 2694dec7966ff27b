package cn.luoyang.pollution.notification.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.QueuedComplaintEscalated;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.security.AccessCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Dispatch's manual-queue clock reaches a person: a {@code QueuedComplaintEscalated} on
 * {@code cases.dispatched}, over the real broker, becomes one SMS to each CAMPAIGN_OFFICE holder of
 * the directory, however often the event comes; nobody else hears of it.
 */
@ServiceTest
@TestPropertySource(properties = {
        "reporter-contact.keys-dir=target/test-keys/queue-escalations",
        "notification.sending.poll-interval=100ms"})
class QueueEscalationServiceTest {

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    QueueEscalations escalations;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aComplaintOverdueInTheManualQueueReachesTheCampaignOfficeOnce() throws Exception {
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/escalations/directory/import"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        unit,role,name,mobile
                        CAMPAIGN_OFFICE,CAMPAIGN_OFFICE,队列主任,13922223333
                        ECOLOGY_ENVIRONMENT,UNIT_LEADER,无关局长,13944445555
                        """))
                .header("Content-Type", "text/csv;charset=UTF-8")
                .header("Authorization", AccessCheck.basicFor("CAMPAIGN_OFFICE")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).isEqualTo(200);

        QueuedComplaintEscalated event = new QueuedComplaintEscalated("qesc-1", "cmp-q1", "LY20261128-000777",
                "AMBIGUOUS_ADDRESS", "CAMPAIGN_OFFICE", Events.T0.minus(Duration.ofHours(4)), 4, Events.T0, 1);
        publisher.publish(Topics.CASES_DISPATCHED, event);
        publisher.publish(Topics.CASES_DISPATCHED, event); // redelivered

        Person office = new Person(Person.idOf("CAMPAIGN_OFFICE", Role.CAMPAIGN_OFFICE, "队列主任"), "CAMPAIGN_OFFICE",
                Role.CAMPAIGN_OFFICE, "队列主任", null, null, null, null);
        Person other = new Person(Person.idOf("ECOLOGY_ENVIRONMENT", Role.UNIT_LEADER, "无关局长"), "ECOLOGY_ENVIRONMENT",
                Role.UNIT_LEADER, "无关局长", null, null, null, null);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sent(office.recipientId()).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        // what another instance (or this one after a restart) does with the same event: nothing new
        assertThat(escalations.escalated(event)).isZero();
        Thread.sleep(1000);

        assertThat(sent(office.recipientId())).singleElement().satisfies(d -> {
            assertThat(d.getString("milestone")).isEqualTo("ESCALATED");
            assertThat(d.getString("text")).contains("队列主任").contains("LY20261128-000777").contains("人工分派时限")
                    .contains("升级督办");
        });
        assertThat(sent(other.recipientId())).isEmpty();
    }

    private List<Document> sent(String recipient) {
        return mongo.getCollection("sent_sms").find(new Document("complaintId", recipient)).into(new ArrayList<>());
    }
}
