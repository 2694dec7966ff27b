package cn.luoyang.pollution.notification.milestones;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.fixtures.SenderRig;
import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.sending.DeliveryReports;
import cn.luoyang.pollution.notification.sending.persistence.MongoReceipts;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB round trips per consumed record and per claimed batch, counted on the wire (a command
 * listener on the driver), so a change that adds a read before a write shows up here. A count, not a timing.
 */
class RoundTripsPerRecordTest {

    @Test
    void dispatchedTakesThreeMergedFourAndABatchOfFiftyIsClaimedInThree() {
        ContactSealer sealer = ContactSealer.withPublicKeyset(ContactKeys.generate().publicKeyset());
        CountedMongo mongo = new CountedMongo("notification");
        MongoTemplate t = mongo.template();
        Messages messages = new MongoMessages(t);
        MilestoneMessages m = new MilestoneMessages(messages, new MongoReporterContacts(t), new MongoCaseFiles(t),
                MessageTemplates.chinese(), Catalogue.defaults(),
                new MilestoneSettings(MilestoneSettings.ALWAYS, Set.of(), 60, ZoneId.of("Asia/Shanghai")),
                Clock.fixed(Events.T0, ZoneOffset.UTC), () -> { });
        int r = 25;
        for (int i = 0; i < r; i++) { m.registered(Events.registered("c-" + i, "LY-" + i, "1380000" + String.format("%04d", i), sealer)); m.registered(Events.registered("co-" + i, "LY-co-" + i, "1390000" + String.format("%04d", i), sealer)); }
        mongo.reset();
        for (int i = 0; i < r; i++) m.dispatched(Events.dispatched("CASE-" + i, "c-" + i, "LY-" + i, "URBAN_MANAGEMENT"));
        assertThat(mongo.commands() / (double) r).as("dispatched: case-file upsert, contact, message").isEqualTo(3.0);
        mongo.reset();
        for (int i = 0; i < r; i++) m.merged(Events.merged("CASE-" + i, "co-" + i, "LY-co-" + i));
        assertThat(mongo.commands() / (double) r).as("merged: case-file upsert, case file, contact, message").isEqualTo(4.0);
        mongo.reset();
        int claimed = messages.claimDue(Events.T0.plusSeconds(5), Events.T0.plusSeconds(125), 50).size();
        assertThat(claimed).isEqualTo(50);
        assertThat(mongo.commands()).as("find ids, updateMany, read back").isEqualTo(3);
        mongo.close();
    }

    /**
     * The same milestones consumed as one poll each (batch mode): a round trip per collection for the batch,
     * against the per-record figures above. Before batch mode, 25 registered took 50, 25 dispatched 75, 25 merged 100.
     */
    @Test
    void aBatchOfTwentyFiveTakesTwoRoundTripsRegisteredThreeDispatchedFourMergedOrClosed() {
        ContactSealer sealer = ContactSealer.withPublicKeyset(ContactKeys.generate().publicKeyset());
        CountedMongo mongo = new CountedMongo("notification");
        MongoTemplate t = mongo.template();
        MilestoneMessages m = new MilestoneMessages(new MongoMessages(t), new MongoReporterContacts(t), new MongoCaseFiles(t),
                MessageTemplates.chinese(), Catalogue.defaults(),
                new MilestoneSettings(MilestoneSettings.ALWAYS, Set.of(), 60, ZoneId.of("Asia/Shanghai")),
                Clock.fixed(Events.T0, ZoneOffset.UTC), () -> { });
        int r = 25;
        List<ComplaintRegistered> registered = new ArrayList<>();
        List<Event> dispatched = new ArrayList<>();
        List<Event> merged = new ArrayList<>();
        List<Event> closed = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            registered.add(Events.registered("c-" + i, "LY-" + i, "1380000" + String.format("%04d", i), sealer));
            registered.add(Events.registered("co-" + i, "LY-co-" + i, "1390000" + String.format("%04d", i), sealer));
            dispatched.add(Events.dispatched("CASE-" + i, "c-" + i, "LY-" + i, "URBAN_MANAGEMENT"));
            merged.add(Events.merged("CASE-" + i, "co-" + i, "LY-co-" + i));
            closed.add(Events.closed("CASE-" + i, "已处理。", List.of("c-" + i, "co-" + i)));
        }
        mongo.reset(); // what the stores do once at start
        m.registered(registered);
        assertThat(mongo.commands()).as("50 registered: contacts (bulk), messages (insertMany)").isEqualTo(2);
        mongo.reset();
        m.caseEvents(dispatched);
        assertThat(mongo.commands()).as("25 dispatched: case files (bulk), contacts ($in), messages").isEqualTo(3);
        mongo.reset();
        m.caseEvents(merged);
        assertThat(mongo.commands()).as("25 merged: case files (bulk), case files ($in), contacts, messages").isEqualTo(4);
        mongo.reset();
        m.caseEvents(closed);
        assertThat(mongo.commands()).as("25 closed, 50 messages: the same four").isEqualTo(4);
        assertThat(t.getCollection("sms_messages").countDocuments()).isEqualTo(50 + 50 + 50);
        mongo.close();
    }

    @Test
    void aClaimedBatchOfFiftyIsSentInEightRoundTripsWhateverItsSize() {
        CountedMongo mongo = new CountedMongo("notification");
        MongoTemplate t = mongo.template();
        SenderRig rig = new SenderRig(t, Clock.fixed(Events.T0, ZoneOffset.UTC));
        int batch = 50;
        for (int i = 0; i < batch; i++) rig.queue(i);
        mongo.reset();
        assertThat(rig.sender.sendDue()).isEqualTo(batch);
        assertThat(rig.gateway.handed).hasSize(batch);
        assertThat(rig.published).as("every SENT published").hasSize(batch);
        // per batch: contacts ($in), opt-outs ($in), the hand-over marks (one bulk write, before any gateway
        // call), the outcomes with their outbox entries (one bulk write), the kit relay's claim (updateMany),
        // read-back and release (one bulk write), parked receipts ($in)
        int afterClaim = mongo.commands() - 3;
        assertThat(afterClaim).as("round trips for the batch after the 3 of its claim").isEqualTo(8);
        assertThat(afterClaim / (double) batch).as("per message").isEqualTo(0.16);
        mongo.close();
    }

    @Test
    void receiptsTakeSevenRoundTripsForABatchOfTwentyFiveWhereOneByOneTheyTakeSevenEach() {
        CountedMongo mongo = new CountedMongo("notification");
        MongoTemplate t = mongo.template();
        SenderRig rig = new SenderRig(t, Clock.fixed(Events.T0, ZoneOffset.UTC));
        for (int i = 0; i < 50; i++) rig.queue(i);
        rig.sender.sendDue(); // gateway ids gw-1 .. gw-50, all SENT
        DeliveryReports reports = new DeliveryReports(rig.messages, new MongoReceipts(t), rig.relay::publishSoon,
                rig.relay::publishSoon, Clock.fixed(Events.T0, ZoneOffset.UTC));
        mongo.reset();
        for (int i = 1; i <= 25; i++) reports.received(new DeliveryReport("gw-" + i, true, "DELIVRD"));
        int oneByOne = mongo.commands();
        mongo.reset();
        List<DeliveryReport> batch = new ArrayList<>();
        for (int i = 26; i <= 50; i++) batch.add(new DeliveryReport("gw-" + i, true, "DELIVRD"));
        reports.receivedAll(batch);
        // park (bulk), messages ($in), DELIVERED with outbox entries (bulk), discard (deleteMany), relay claim, read-back, release
        assertThat(mongo.commands()).as("a batch of 25").isEqualTo(7);
        assertThat(oneByOne / 25.0).as("one by one, per receipt (park, parked, message, write, discard, relay)").isEqualTo(7.0);
        assertThat(rig.published).filteredOn(e -> e.endsWith("DELIVERED")).hasSize(50);
        assertThat(t.getCollection("parked_receipts").countDocuments()).isZero();
        mongo.close();
    }
}
