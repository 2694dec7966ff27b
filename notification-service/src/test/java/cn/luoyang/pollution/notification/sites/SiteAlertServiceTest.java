package cn.luoyang.pollution.notification.sites;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.SiteContact;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.testing.ServiceTest;
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
 * Over the real broker: dispatch's {@code CaseDispatched} of a monitor's case, carrying its site's responsible person
 * with the mobile sealed for this service, becomes one SMS to that person, however often the event comes; the
 * person's number is in no collection in plain text.
 */
@ServiceTest
@TestPropertySource(properties = {
        "reporter-contact.keys-dir=" + SiteAlertServiceTest.KEYS_DIR,
        "notification.sending.poll-interval=100ms"})
class SiteAlertServiceTest {

    static final String KEYS_DIR = "target/test-keys/site-alerts";

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    SiteAlerts sites;

    @Test
    void aMonitorsCaseTextsItsSitesResponsiblePersonOnce() throws Exception {
        ContactSealer sealer = ContactSealer.withPublicKeyset(ContactKeys.ensure(Path.of(KEYS_DIR)).publicKeyset());
        CaseDispatched event = new CaseDispatched("site-ev-1", "CASE-LY-SITE-1", "cmp-site-1", "LY-SITE-1",
                "AIR_CONSTRUCTION_DUST", null, null, null, "HOUSING_CONSTRUCTION", List.of(), Level.CITY, Priority.ROUTINE, "STANDARD",
                "MON-SITE-0007", "R1", 1, 1, false, List.of(), Events.T0, 1,
                new SiteContact("监测工地7", "周经理", sealer.seal("13900158807"), "139****8807", "LY0007",
                        FaultKind.EXCEEDANCE, "a34002"));
        publisher.publish(Topics.CASES_DISPATCHED, event);
        publisher.publish(Topics.CASES_DISPATCHED, event); // redelivered

        String recipient = SiteAlerts.RECIPIENT_PREFIX + "CASE-LY-SITE-1";
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sent(recipient).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        // what another instance (or this one after a restart) does with the same event: nothing new
        assertThat(sites.dispatched(event)).isFalse();
        Thread.sleep(1000);

        assertThat(sent(recipient)).singleElement().satisfies(d -> {
            assertThat(d.getString("milestone")).isEqualTo("SITE_ALERT");
            assertThat(d.getString("maskedPhone")).isEqualTo("139****8807");
            assertThat(d.getString("text")).contains("周经理").contains("监测工地7").contains("LY0007").contains("超标")
                    .contains("洛阳市住房和城乡建设局");
        });
        for (String collection : mongo.getCollectionNames()) {
            mongo.getCollection(collection).find().forEach((Document d) ->
                    assertThat(d.toJson()).as(collection).doesNotContain("13900158807"));
        }
    }

    private List<Document> sent(String recipient) {
        return mongo.getCollection("sent_sms").find(new Document("complaintId", recipient)).into(new ArrayList<>());
    }
}
