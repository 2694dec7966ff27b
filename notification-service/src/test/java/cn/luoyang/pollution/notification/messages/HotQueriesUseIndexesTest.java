package cn.luoyang.pollution.notification.messages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.testing.IndexRule;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.milestones.MilestoneMessages;
import cn.luoyang.pollution.notification.milestones.MilestoneSettings;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.sending.persistence.MongoOptOuts;
import cn.luoyang.pollution.notification.survey.Rating;
import cn.luoyang.pollution.notification.survey.Survey;
import cn.luoyang.pollution.notification.survey.persistence.MongoSurveys;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.UnitAlert;
import cn.luoyang.pollution.notification.units.persistence.MongoUnitAlerts;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every query of the consumers, the sending loop, the event relay sweeps, surveys and unit alerts,
 * as sent over the wire, has a top-level condition on {@code _id} or on the first key of an index
 * the service declares: the embedded MongoDB serves none of them by scanning a whole collection.
 */
class HotQueriesUseIndexesTest {

    private static final ContactSealer SEALER = ContactSealer.withPublicKeyset(ContactKeys.generate().publicKeyset());
    private final MongoFixture mongo = new MongoFixture();
    private final IndexRule rule = new IndexRule();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void milestonesSendingSurveysAndUnitAlertsAreServedByIndexes() {
        MongoTemplate template = rule.template(mongo.uri(), "notification");
        Messages messages = new MongoMessages(template);
        MongoCaseFiles caseFiles = new MongoCaseFiles(template);
        MongoSurveys surveys = new MongoSurveys(template);
        MongoUnitAlerts alerts = new MongoUnitAlerts(template);
        MongoOptOuts optOuts = new MongoOptOuts(template);
        MilestoneMessages milestones = new MilestoneMessages(messages, new MongoReporterContacts(template), caseFiles,
                MessageTemplates.chinese(), Catalogue.defaults(),
                new MilestoneSettings(MilestoneSettings.ALWAYS, Set.of(), 60, ZoneId.of("Asia/Shanghai")),
                Clock.fixed(Events.T0, ZoneOffset.UTC), () -> { });
        rule.clear();

        milestones.registered(Events.registered("c-1", "LY-1", "13800000001", SEALER));
        milestones.registered(Events.registered("c-2", "LY-2", "13800000002", SEALER));
        milestones.dispatched(Events.dispatched("CASE-1", "c-1", "LY-1", "URBAN_MANAGEMENT"));
        milestones.dispatched(Events.dispatched("CASE-1", "c-1", "LY-1", "URBAN_MANAGEMENT")); // redelivery
        milestones.merged(Events.merged("CASE-1", "c-2", "LY-2"));
        milestones.closed(Events.closed("CASE-1", "已清理。", List.of("c-1", "c-2")));
        for (SmsMessage claimed : messages.claimDue(Events.T0.plusSeconds(5), Events.T0.plusSeconds(125), 50)) {
            optOuts.optedOut("hash-1");
            messages.sentToNumberSince("hash-1", Events.T0.minusSeconds(86_400));
            claimed.sent("gw-" + claimed.id(), "hash-1", "138****0001", Events.T0.plusSeconds(6));
            messages.save(claimed);
        }
        relay(template, MongoMessages.COLLECTION).sweep();
        messages.byGatewayMessageId("gw-x");
        messages.forComplaint("c-1");
        surveys.open(Survey.open("s-1", "CASE-1", "c-1", "hash-1", Events.T0));
        surveys.latestOpen("hash-1", Events.T0.minusSeconds(3600))
                .ifPresent(s -> surveys.answer(s.answer(Rating.SATISFIED, Events.T0.plusSeconds(60))));
        relay(template, MongoSurveys.COLLECTION).sweep();
        alerts.add(UnitAlert.pending("CASE-1/NEW", "NEW", "CASE-1", "URBAN_MANAGEMENT", "http://unit", Map.of(), Events.T0));
        alerts.claimDue(Events.T0.plusSeconds(1), Events.T0.plusSeconds(120), 10).forEach(a -> alerts.save(a.delivered()));

        assertThat(rule.recorded()).as("filters seen on the wire").isGreaterThan(15);
        assertThat(rule.scans(IndexRule.firstKeys(template, "sms_messages", "case_files", "reporter_contacts",
                "surveys", "unit_alerts", "opt_outs"))).isEmpty();
    }

    /** The kit's outbox relay of {@code collection}, as the service wires it, publishing nowhere. */
    private static OutboxRelay relay(MongoTemplate template, String collection) {
        return new OutboxRelay(template, collection, new Outbox(new EventCodec()), (topic, event) -> { },
                Clock.fixed(Events.T0.plusSeconds(120), ZoneOffset.UTC), Duration.ofMinutes(1));
    }
}
