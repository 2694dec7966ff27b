package cn.luoyang.pollution.notification.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.CaseProgressed;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.DeadlineApproaching;
import cn.luoyang.pollution.contracts.cases.EscalationLevel;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.escalations.persistence.MongoDirectory;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.UnitAlerts;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who each clock event names, on the embedded MongoDB: levels, reminders, urgency, removed people. */
class EscalationMessagesTest {

    private final MongoFixture mongo = new MongoFixture();
    private final Messages messages = new MongoMessages(mongo.template());
    private final Directory directory = new MongoDirectory(mongo.template());
    private final MongoCaseFiles caseFiles = new MongoCaseFiles(mongo.template());
    private final ContactKeys.KeyPair keys = ContactKeys.generate();
    private final Clock clock = Clock.fixed(Events.T0, ZoneOffset.UTC);
    private final DirectoryEntries entries = new DirectoryEntries(directory,
            ContactSealer.withPublicKeyset(keys.publicKeyset()), clock);
    private final EscalationMessages escalations = new EscalationMessages(messages, directory, caseFiles,
            MessageTemplates.chinese(), ZoneId.of("Asia/Shanghai"), clock, () -> { }, UnitAlerts.NONE);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void eachLevelReachesItsHoldersAndAReminderTheLeadUnitsLeader() {
        entries.importCsv("""
                unit,role,name,mobile
                HOUSING_CONSTRUCTION,UNIT_LEADER,住建局长,13911110001
                ECOLOGY_ENVIRONMENT,UNIT_LEADER,环境局长,13911110002
                CAMPAIGN_OFFICE,CAMPAIGN_OFFICE,攻坚办甲,13911110003
                DISCIPLINE_OFFICE,DISCIPLINE_OFFICE,纪委甲,13911110004
                DISCIPLINE_OFFICE,DISCIPLINE_OFFICE,纪委乙,13911110005
                """, "admin");
        caseFiles.dispatched("CASE-1", "HOUSING_CONSTRUCTION", "410300", false, new CaseFile.Member("c-1", "LY20261128-000001"));

        assertThat(escalations.escalated(escalated("e-1", "UNIT_LEADER"))).isEqualTo(1);
        assertThat(escalations.escalated(escalated("e-2", "CAMPAIGN_OFFICE"))).isEqualTo(1);
        assertThat(escalations.escalated(escalated("e-3", "DISCIPLINE_OFFICE"))).isEqualTo(2);
        assertThat(escalations.reminder(new DeadlineApproaching("r-1", "CASE-1", ClockName.CLOSE, "URBAN_MANAGEMENT",
                java.time.Instant.parse("2026-11-30T02:00:00Z"), Events.T0, 1))).isEqualTo(1);
        // the same reminder as the retired case.progressed.v1 record a topic may still hold: read as the same fact, nothing new
        @SuppressWarnings("deprecation")
        var retired = new CaseProgressed("r-1", "CASE-1", "DEADLINE_REMINDER", "ACCEPTED", "ACCEPTED",
                List.of(), "CLOSE due at 2026-11-30T02:00:00Z", null, Events.T0, 1).upgrade().orElseThrow();
        assertThat(escalations.reminder((DeadlineApproaching) retired)).isZero();
        // the same events again (a redelivery, another instance): nothing new
        assertThat(escalations.escalated(escalated("e-3", "DISCIPLINE_OFFICE"))).isZero();

        Person leader = directory.holding(Role.UNIT_LEADER, "HOUSING_CONSTRUCTION").get(0);
        List<SmsMessage> toLeader = messages.forComplaint(leader.recipientId());
        assertThat(toLeader).extracting(m -> m.milestone().name()).containsExactlyInAnyOrder("ESCALATED", "REMINDER");
        assertThat(toLeader).filteredOn(m -> m.milestone().name().equals("REMINDER")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("住建局长").contains("LY20261128-000001")
                        .contains("办结时限").contains("2026-11-30 10:00"));
        // routine case: only the discipline office's messages go at night
        assertThat(toLeader).noneMatch(SmsMessage::urgent);
        directory.holding(Role.DISCIPLINE_OFFICE, null).forEach(p ->
                assertThat(messages.forComplaint(p.recipientId())).singleElement().matches(SmsMessage::urgent));
        assertThat(messages.forComplaint(directory.holding(Role.UNIT_LEADER, "ECOLOGY_ENVIRONMENT").get(0).recipientId()))
                .isEmpty();
    }

    @Test
    void anUrgentCasesOverdueNoticeIsUrgentAndTheSealedNumberOpensOnlyWithTheServicesKey() {
        Person leader = entries.put(new DirectoryEntries.Entry("ECOLOGY_ENVIRONMENT", "UNIT_LEADER", "环境局长", "+86 139 1111 0002"),
                "campaign");
        caseFiles.dispatched("CASE-2", "ECOLOGY_ENVIRONMENT", "410300", true, new CaseFile.Member("c-2", "LY20261128-000002"));
        assertThat(escalations.overdue(new CaseOverdue("o-1", "CASE-2", ClockName.SIGN, "ECOLOGY_ENVIRONMENT", Events.T0, Events.T0, 1)))
                .isEqualTo(1);
        assertThat(messages.forComplaint(leader.recipientId())).singleElement().matches(SmsMessage::urgent);
        assertThat(leader.maskedMobile()).isEqualTo("139****0002");
        assertThat(leader.sealedMobile()).doesNotContain("13911110002");
        assertThat(ContactOpener.withPrivateKeyset(keys.privateKeyset()).open(leader.sealedMobile())).endsWith("13911110002");

        // a person removed after the message was queued is not texted: the sender sees no reachable contact
        directory.remove(leader.id());
        assertThat(new PersonContacts(new MongoReporterContacts(mongo.template()), directory).of(leader.recipientId()))
                .hasValueSatisfying(c -> assertThat(c.reachable()).isFalse());
    }

    @Test
    void theDemoDirectoryImports() throws Exception {
        try (var in = getClass().getResourceAsStream("/escalations/demo-directory.csv")) {
            String csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(entries.importCsv(csv, "seed")).hasSize(5)
                    .allSatisfy(p -> assertThat(p.maskedMobile()).startsWith("139****000"));
        }
    }

    @Test
    void everyClockIsNamedInChineseInTheLeadersText() {
        assertThat(EscalationMessages.clockName("SIGN")).isEqualTo("签收时限");
        assertThat(EscalationMessages.clockName("ONSITE")).isEqualTo("到场时限");
        assertThat(EscalationMessages.clockName("CLOSE")).isEqualTo("办结时限");
        assertThat(EscalationMessages.clockName("RECTIFY")).isEqualTo("整改期限");
    }

    private static CaseEscalated escalated(String eventId, String level) {
        return new CaseEscalated(eventId, "CASE-1", ClockName.CLOSE, EscalationLevel.valueOf(level), "HOUSING_CONSTRUCTION",
                Events.T0, 1);
    }
}
