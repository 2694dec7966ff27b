package cn.luoyang.pollution.notification.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseExtended;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which milestones queue which messages, for whom, and that a redelivery queues none. */
class MilestoneMessagesTest {

    private static final ContactSealer SEALER = ContactSealer.withPublicKeyset(ContactKeys.generate().publicKeyset());
    private final MongoFixture mongo = new MongoFixture();
    private final Messages messages = new MongoMessages(mongo.template());

    @AfterEach
    void close() {
        mongo.close();
    }

    private MilestoneMessages milestones(Set<Milestone> enabled) {
        return new MilestoneMessages(messages, new MongoReporterContacts(mongo.template()),
                new MongoCaseFiles(mongo.template()), MessageTemplates.chinese(), Catalogue.defaults(),
                new MilestoneSettings(enabled, Set.of(), 60, ZoneId.of("Asia/Shanghai")),
                Clock.fixed(Events.T0, ZoneOffset.UTC), () -> { });
    }

    @Test
    void acceptedIsNotSentUnlessTheCityEnablesIt() {
        MilestoneMessages byDefault = milestones(MilestoneSettings.ALWAYS);
        byDefault.registered(Events.registered("c-1", "LY-1", "13800000001", SEALER));
        byDefault.dispatched(Events.dispatched("CASE-1", "c-1", "LY-1", "ECOLOGY_ENVIRONMENT"));
        byDefault.accepted(Events.accepted("CASE-1"));
        assertThat(milestonesOf("c-1")).containsExactly(Milestone.REGISTERED, Milestone.DISPATCHED);

        EnumSet<Milestone> withAccepted = EnumSet.copyOf(MilestoneSettings.ALWAYS);
        withAccepted.add(Milestone.ACCEPTED);
        milestones(withAccepted).accepted(Events.accepted("CASE-1"));
        assertThat(milestonesOf("c-1")).contains(Milestone.ACCEPTED);
    }

    @Test
    void aRedeliveredBatchQueuesNoSecondMessageAndAMergeHearsTheLeadOfADispatchBeforeItInTheBatch() {
        int[] wakes = {0};
        MilestoneMessages m = new MilestoneMessages(messages, new MongoReporterContacts(mongo.template()),
                new MongoCaseFiles(mongo.template()), MessageTemplates.chinese(), Catalogue.defaults(),
                new MilestoneSettings(MilestoneSettings.ALWAYS, Set.of(), 60, ZoneId.of("Asia/Shanghai")),
                Clock.fixed(Events.T0, ZoneOffset.UTC), () -> wakes[0]++);
        List<ComplaintRegistered> registered = List.of(Events.registered("c-1", "LY-1", "13800000001", SEALER),
                Events.registered("c-2", "LY-2", "13800000002", SEALER));
        List<cn.luoyang.pollution.contracts.Event> routed = List.of(Events.dispatched("CASE-1", "c-1", "LY-1", "URBAN_MANAGEMENT"),
                Events.merged("CASE-1", "c-2", "LY-2"), Events.closed("CASE-1", "已清理。", List.of("c-1", "c-2")));
        m.registered(registered);
        m.caseEvents(routed);
        assertThat(wakes[0]).isEqualTo(2);

        m.registered(registered);
        m.caseEvents(routed);

        assertThat(wakes[0]).as("nothing new to send").isEqualTo(2);
        assertThat(milestonesOf("c-1")).containsExactlyInAnyOrder(Milestone.REGISTERED, Milestone.DISPATCHED, Milestone.CLOSED);
        assertThat(milestonesOf("c-2")).containsExactlyInAnyOrder(Milestone.REGISTERED, Milestone.DISPATCHED, Milestone.CLOSED);
        assertThat(textOf("c-2", Milestone.DISPATCHED)).contains("城市管理局");
    }

    @Test
    void aMergedCoReporterHearsTheLeadDepartmentAndTheClosureLikeTheFirst() {
        MilestoneMessages m = milestones(MilestoneSettings.ALWAYS);
        m.registered(Events.registered("c-1", "LY-1", "13800000001", SEALER));
        m.registered(Events.registered("c-2", "LY-2", "13800000002", SEALER));
        m.dispatched(Events.dispatched("CASE-1", "c-1", "LY-1", "URBAN_MANAGEMENT"));
        m.merged(Events.merged("CASE-1", "c-2", "LY-2"));
        m.closed(Events.closed("CASE-1", "已清理。", List.of("c-1", "c-2")));

        assertThat(milestonesOf("c-2")).containsExactly(Milestone.REGISTERED, Milestone.DISPATCHED, Milestone.CLOSED);
        assertThat(textOf("c-2", Milestone.DISPATCHED)).contains("城市管理局").contains("LY-2");
        assertThat(textOf("c-2", Milestone.CLOSED)).contains("已清理。").contains("LY-2");
    }

    @Test
    void eachExtensionIsToldOnceAndARedeliveredOneIsNot() {
        MilestoneMessages m = milestones(MilestoneSettings.ALWAYS);
        m.registered(Events.registered("c-1", "LY-1", "13800000001", SEALER));
        m.dispatched(Events.dispatched("CASE-1", "c-1", "LY-1", "ECOLOGY_ENVIRONMENT"));
        CaseExtended first = Events.extended("CASE-1", "需第三方检测", Instant.parse("2026-12-30T00:00:00Z"));
        m.extended(first);
        m.extended(first);
        m.extended(Events.extended("CASE-1", "检测延期", Instant.parse("2027-01-20T00:00:00Z")));

        assertThat(messages.forComplaint("c-1").stream().filter(x -> x.milestone() == Milestone.EXTENDED))
                .extracting(SmsMessage::text)
                .hasSize(2)
                .anySatisfy(t -> assertThat(t).contains("需第三方检测").contains("2026-12-30"));
    }

    @Test
    void aReopenedCaseThatClosesAgainIsToldAgainAndARedeliveredClosureIsNot() {
        MilestoneMessages m = milestones(MilestoneSettings.ALWAYS);
        m.registered(Events.registered("c-1", "LY-1", "13800000001", SEALER));
        m.dispatched(Events.dispatched("CASE-1", "c-1", "LY-1", "URBAN_MANAGEMENT"));
        CaseClosed first = Events.closed("CASE-1", "烧烤摊已取缔。", List.of("c-1"));
        m.closed(first);
        m.reopened(Events.reopened("CASE-1", "the reporter was not satisfied", Instant.parse("2026-12-30T00:00:00Z")));
        m.closed(first);
        m.closed(Events.closed("CASE-1", "已入室经营并安装净化器。", List.of("c-1")));

        assertThat(milestonesOf("c-1")).containsExactlyInAnyOrder(Milestone.REGISTERED, Milestone.DISPATCHED,
                Milestone.CLOSED, Milestone.REOPENED, Milestone.CLOSED);
        assertThat(messages.forComplaint("c-1").stream().filter(x -> x.milestone() == Milestone.CLOSED))
                .extracting(SmsMessage::text)
                .anySatisfy(t -> assertThat(t).contains("烧烤摊已取缔"))
                .anySatisfy(t -> assertThat(t).contains("安装净化器"));
    }

    @Test
    void aComplaintFromAnOnlineMonitorQueuesNoReporterMessageEvenWithAContactOnIt() {
        MilestoneMessages m = milestones(MilestoneSettings.ALWAYS);
        ComplaintRegistered person = Events.registered("mon", "LY-8", "13800000008", SEALER);
        m.registered(new ComplaintRegistered(person.eventId(), person.complaintId(), person.trackingNumber(),
                "online-monitoring", "fault-1", Channel.ONLINE_MONITORING, "AIR_CONSTRUCTION_DUST", "EXCEEDANCE",
                "在线监测设备 410305LY0001SITE0117 超标", null, null, Events.T0, true, List.of(), person.reporter(), false,
                Events.T0, 1));
        m.dispatched(Events.dispatched("CASE-8", "mon", "LY-8", "HOUSING_CONSTRUCTION"));
        m.closed(Events.closed("CASE-8", "已覆盖裸土。", List.of("mon")));
        // the same milestones for a person's complaint do queue (the rule above is what stops them)
        m.registered(Events.registered("per", "LY-7", "13800000007", SEALER));
        m.dispatched(Events.dispatched("CASE-7", "per", "LY-7", "HOUSING_CONSTRUCTION"));

        assertThat(messages.forComplaint("mon")).isEmpty();
        assertThat(milestonesOf("per")).containsExactly(Milestone.REGISTERED, Milestone.DISPATCHED);
    }

    @Test
    void anAnonymousReporterGetsNothingQueued() {
        MilestoneMessages m = milestones(MilestoneSettings.ALWAYS);
        m.registered(Events.registered("anon", "LY-9", null, null));
        m.dispatched(Events.dispatched("CASE-9", "anon", "LY-9", "ECOLOGY_ENVIRONMENT"));
        m.closed(Events.closed("CASE-9", "已处理。", List.of("anon")));

        assertThat(messages.forComplaint("anon")).isEmpty();
    }

    @Test
    void aLongReplyIsCutToTheSummaryLength() {
        MilestoneMessages m = milestones(MilestoneSettings.ALWAYS);
        m.registered(Events.registered("c-1", "LY-1", "13800000001", SEALER));
        m.dispatched(Events.dispatched("CASE-1", "c-1", "LY-1", "ECOLOGY_ENVIRONMENT"));
        m.closed(Events.closed("CASE-1", "查".repeat(200), List.of("c-1")));

        assertThat(textOf("c-1", Milestone.CLOSED)).contains("查".repeat(59) + "…").doesNotContain("查".repeat(60));
    }

    private List<Milestone> milestonesOf(String complaintId) {
        return messages.forComplaint(complaintId).stream().map(SmsMessage::milestone).toList();
    }

    private String textOf(String complaintId, Milestone milestone) {
        return messages.forComplaint(complaintId).stream().filter(x -> x.milestone() == milestone).findFirst()
                .orElseThrow().text();
    }
}
