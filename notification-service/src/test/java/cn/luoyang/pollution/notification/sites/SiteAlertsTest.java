package cn.luoyang.pollution.notification.sites;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.SiteContact;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A monitor's case is told to its site's responsible person once, naming the monitor, the fault and the unit. */
class SiteAlertsTest {

    private static final ContactKeys.KeyPair KEYS = ContactKeys.generate();
    private static final ContactSealer SEALER = ContactSealer.withPublicKeyset(KEYS.publicKeyset());
    private static final Territory YANSHI = new Territory("410307", "偃师区", null, null, null, "410307-0001",
            Territory.FoundBy.POLYGON);

    private final MongoFixture mongo = new MongoFixture();
    private final Messages messages = new MongoMessages(mongo.template());
    private final MongoReporterContacts contacts = new MongoReporterContacts(mongo.template());
    private final SiteAlerts sites = new SiteAlerts(messages, contacts, MessageTemplates.chinese(), Catalogue.defaults(),
            Clock.fixed(Events.T0, ZoneOffset.UTC), () -> { });

    @AfterEach
    void close() {
        mongo.close();
    }

    private static CaseDispatched monitorsCase(String caseId, String department, String level, int round, SiteContact site) {
        return new CaseDispatched("ev-" + caseId + "-" + round, caseId, "c-" + caseId, "LY-" + caseId, "AIR_CONSTRUCTION_DUST",
                null, YANSHI, null, department, List.of(), Level.valueOf(level), Priority.ROUTINE, "STANDARD", "MON-SITE-0002", "R1", 1, round, false,
                List.of(), Events.T0, 1, site);
    }

    private static SiteContact site(FaultKind kind, String factor) {
        return new SiteContact("监测工地2", "李经理", SEALER.seal("13900158802"), "139****8802", "LY0002", kind, factor);
    }

    private List<SmsMessage> toSite(String caseId) {
        return messages.forComplaint(SiteAlerts.RECIPIENT_PREFIX + caseId);
    }

    @Test
    void anExceedanceCaseTellsTheSitesPersonOnceWhateverIsRedeliveredOrRerouted() {
        CaseDispatched opened = monitorsCase("CASE-1", "HOUSING_CONSTRUCTION", "CITY", 1, site(FaultKind.EXCEEDANCE, "a34002"));

        assertThat(sites.dispatched(opened)).isTrue();
        assertThat(sites.dispatched(opened)).isFalse();
        assertThat(sites.dispatched(monitorsCase("CASE-1", "DISTRICT_GOVERNMENT", "DISTRICT", 2,
                site(FaultKind.EXCEEDANCE, "a34002")))).isFalse();

        assertThat(toSite("CASE-1")).singleElement().satisfies(m -> {
            assertThat(m.milestone()).isEqualTo(Milestone.SITE_ALERT);
            assertThat(m.caseId()).isEqualTo("CASE-1");
            assertThat(m.urgent()).isTrue();
            assertThat(m.text()).contains("李经理").contains("监测工地2").contains("LY0002").contains("监测PM10超标")
                    .contains("LY-CASE-1").contains("洛阳市住房和城乡建设局").doesNotContain("13900158802");
        });
    }

    @Test
    void anOfflineCaseSaysOfflineAndNamesTheDistrictsGovernment() {
        sites.dispatched(monitorsCase("CASE-2", "DISTRICT_GOVERNMENT", "DISTRICT", 1, site(FaultKind.OFFLINE, null)));

        assertThat(toSite("CASE-2")).singleElement().extracting(SmsMessage::text).asString()
                .contains("LY0002离线").contains("交偃师区人民政府办理");
    }

    @Test
    void theNumberIsKeptSealedForTheSenderAndNeverInPlainText() {
        sites.dispatched(monitorsCase("CASE-3", "HOUSING_CONSTRUCTION", "CITY", 1, site(FaultKind.EXCEEDANCE, "LA")));

        ReporterContact kept = contacts.of(SiteAlerts.RECIPIENT_PREFIX + "CASE-3").orElseThrow();
        assertThat(kept.reachable()).isTrue();
        assertThat(kept.maskedPhone()).isEqualTo("139****8802");
        assertThat(ContactOpener.withPrivateKeyset(KEYS.privateKeyset()).open(kept.sealedPhone())).isEqualTo("13900158802");
        for (String collection : mongo.template().getCollectionNames()) {
            mongo.template().getCollection(collection).find().forEach((Document d) ->
                    assertThat(d.toJson()).as(collection).doesNotContain("13900158802"));
        }
        assertThat(toSite("CASE-3")).singleElement().extracting(SmsMessage::text).asString().contains("监测噪声超标");
    }

    @Test
    void aCaseWithoutASiteContactTellsNoSite() {
        assertThat(sites.dispatched(Events.dispatched("CASE-4", "c-4", "LY-4", "ECOLOGY_ENVIRONMENT"))).isFalse();
        assertThat(toSite("CASE-4")).isEmpty();
    }
}
