package cn.luoyang.pollution.notification.milestones;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.fixtures.SenderRig;
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
}
