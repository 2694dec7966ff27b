package cn.luoyang.pollution.notification.escalations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.DeadlineApproaching;
import cn.luoyang.pollution.contracts.cases.EscalationLevel;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.security.CallbackSignature;
import cn.luoyang.pollution.notification.escalations.persistence.MongoDirectory;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.sending.Backoff;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.UnitNotices;
import cn.luoyang.pollution.notification.units.http.JdkUnitWebhook;
import cn.luoyang.pollution.notification.units.persistence.MongoUnitAlerts;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which people and which webhook a case's clock events reach, by the case's unit
 * ({@code DEPARTMENT@territory}), on the embedded MongoDB with the unit webhooks posted over real HTTP
 * on loopback: a district unit's own leader, the department's plain entry as the fallback for a
 * territory without entries, the city's own unit, and every reminder, overdue notice and escalation
 * posted once, signed, however often its event comes.
 */
class EscalationsByTerritoryTest {

    private final MongoFixture mongo = new MongoFixture();
    private final Messages messages = new MongoMessages(mongo.template());
    private final Directory directory = new MongoDirectory(mongo.template());
    private final MongoCaseFiles caseFiles = new MongoCaseFiles(mongo.template());
    private final Clock clock = Clock.systemUTC();
    private final DirectoryEntries entries = new DirectoryEntries(directory,
            ContactSealer.withPublicKeyset(ContactKeys.generate().publicKeyset()), clock);
    private final WireMockServer units = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));
    private final CallbackSignature signing = new CallbackSignature("unit-secret");
    private UnitNotices notices;
    private EscalationMessages escalations;

    @AfterEach
    void close() {
        units.stop();
        mongo.close();
    }

    private void start() {
        units.start();
        units.stubFor(post(urlEqualTo("/jianxi-housing")).willReturn(aResponse().withStatus(204)));
        units.stubFor(post(urlEqualTo("/housing")).willReturn(aResponse().withStatus(204)));
        String base = "http://127.0.0.1:" + units.port();
        notices = new UnitNotices(new MongoUnitAlerts(mongo.template()), new JdkUnitWebhook(Duration.ofSeconds(5), signing,
                clock), unit -> Optional.of(unit.equals("HOUSING_CONSTRUCTION@410305") ? base + "/jianxi-housing"
                        : base + "/housing"), new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)), 5, clock);
        escalations = new EscalationMessages(messages, directory, caseFiles, MessageTemplates.chinese(),
                ZoneId.of("Asia/Shanghai"), clock, () -> { }, notices);
        entries.importCsv("""
                unit,role,name,mobile
                HOUSING_CONSTRUCTION@410305,UNIT_LEADER,涧西住建局长,13911110001
                HOUSING_CONSTRUCTION,UNIT_LEADER,住建兜底,13911110002
                HOUSING_CONSTRUCTION@CITY,UNIT_LEADER,市住建局长,13911110003
                """, "admin");
    }

    @Test
    void aDistrictCaseReachesItsDistrictUnitsLeaderAndNotTheDepartmentsPlainEntry() {
        start();
        dispatch("CASE-JX", "DISTRICT", "410305");
        CaseOverdue overdue = new CaseOverdue("o-jx", "CASE-JX", ClockName.CLOSE, "HOUSING_CONSTRUCTION", Events.T0, Events.T0, 1);

        assertThat(escalations.overdue(overdue)).isEqualTo(1);
        assertThat(escalations.escalated(new CaseEscalated("e-jx", "CASE-JX", ClockName.CLOSE, EscalationLevel.UNIT_LEADER,
                "HOUSING_CONSTRUCTION", Events.T0, 1))).isEqualTo(1);
        assertThat(escalations.reminder(reminder("r-jx", "CASE-JX"))).isEqualTo(1);

        assertThat(sms("涧西住建局长")).extracting(m -> m.milestone().name())
                .containsExactlyInAnyOrder("OVERDUE", "ESCALATED", "REMINDER");
        assertThat(sms("住建兜底")).isEmpty();
        assertThat(sms("市住建局长")).isEmpty();
    }

    @Test
    void aTerritoryWithoutEntriesFallsBackToTheDepartmentsPlainEntryAndACityCaseReachesTheCityUnit() {
        start();
        dispatch("CASE-LL", "DISTRICT", "410311"); // 洛龙区: no entry of its own
        dispatch("CASE-CITY", "CITY", "410305"); // a city-level case located in 涧西区
        assertThat(escalations.overdue(new CaseOverdue("o-ll", "CASE-LL", ClockName.SIGN, "HOUSING_CONSTRUCTION", Events.T0,
                Events.T0, 1))).isEqualTo(1);
        assertThat(escalations.overdue(new CaseOverdue("o-city", "CASE-CITY", ClockName.SIGN, "HOUSING_CONSTRUCTION", Events.T0,
                Events.T0, 1))).isEqualTo(1);

        assertThat(sms("住建兜底")).singleElement().satisfies(m -> assertThat(m.caseId()).isEqualTo("CASE-LL"));
        assertThat(sms("市住建局长")).singleElement().satisfies(m -> assertThat(m.caseId()).isEqualTo("CASE-CITY"));
        assertThat(sms("涧西住建局长")).isEmpty();
        // an event naming another department than the case's lead: that department's plain entries
        assertThat(escalations.overdue(new CaseOverdue("o-x", "CASE-LL", ClockName.SIGN, "ECOLOGY_ENVIRONMENT", Events.T0,
                Events.T0, 1))).isZero();
    }

    @Test
    void everyReminderOverdueAndEscalationIsPostedOnceSignedToItsUnitsWebhook() throws Exception {
        start();
        dispatch("CASE-JX", "DISTRICT", "410305");
        CaseOverdue overdue = new CaseOverdue("o-jx", "CASE-JX", ClockName.CLOSE, "HOUSING_CONSTRUCTION", Events.T0, Events.T0, 1);
        CaseEscalated toOffice = new CaseEscalated("e-jx", "CASE-JX", ClockName.CLOSE, EscalationLevel.CAMPAIGN_OFFICE, "HOUSING_CONSTRUCTION",
                Events.T0, 1);
        DeadlineApproaching reminder = reminder("r-jx", "CASE-JX");
        for (int round = 0; round < 2; round++) { // the second round: redelivered events, another instance
            escalations.overdue(overdue);
            escalations.escalated(toOffice);
            escalations.reminder(reminder);
            notices.sweep(50);
        }
        assertThat(notices.sweep(50)).isZero();

        List<LoggedRequest> posted = units.findAll(postRequestedFor(urlEqualTo("/jianxi-housing")));
        assertThat(posted).extracting(r -> r.getHeader("Idempotency-Key")).containsExactlyInAnyOrder(
                "CASE-JX/OVERDUE/CLOSE/" + Events.T0, "CASE-JX/ESCALATED/e-jx", "CASE-JX/REMINDER/r-jx");
        assertThat(units.findAll(postRequestedFor(urlEqualTo("/housing")))).isEmpty();
        assertThat(posted).allSatisfy(r -> assertThat(signing.verify(r.getHeader(CallbackSignature.HEADER), r.getBody(),
                Instant.now(), Duration.ofMinutes(5))).isEqualTo(CallbackSignature.Verdict.VALID));
        units.verify(postRequestedFor(urlEqualTo("/jianxi-housing"))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("ESCALATED")))
                .withRequestBody(matchingJsonPath("$.level", equalTo("CAMPAIGN_OFFICE")))
                .withRequestBody(matchingJsonPath("$.unit", equalTo("HOUSING_CONSTRUCTION@410305")))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo("LY-CASE-JX"))));
        units.verify(postRequestedFor(urlEqualTo("/jianxi-housing"))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("REMINDER")))
                .withRequestBody(matchingJsonPath("$.clock", equalTo("CLOSE")))
                .withRequestBody(matchingJsonPath("$.deadline", equalTo("2026-11-30T02:00:00Z"))));
        // and the SMS: one per (event, person) too
        assertThat(sms("涧西住建局长")).extracting(m -> m.milestone().name())
                .containsExactlyInAnyOrder("OVERDUE", "REMINDER");
    }

    private void dispatch(String caseId, String level, String district) {
        CaseDispatched d = new CaseDispatched("d-" + caseId, caseId, "c-" + caseId, "LY-" + caseId, "DUST", null,
                new Territory(district, null, null, null, null, null, Territory.FoundBy.POLYGON), "HOUSING_CONSTRUCTION",
                List.of(), Level.valueOf(level), Priority.ROUTINE, "STANDARD", null, "R1", 1, 1, false, List.of(), Events.T0, 1);
        caseFiles.dispatched(caseId, d.leadDepartment(), d.leadTerritory(), false,
                new CaseFile.Member(d.complaintId(), d.trackingNumber()));
    }

    private static DeadlineApproaching reminder(String eventId, String caseId) {
        return new DeadlineApproaching(eventId, caseId, ClockName.CLOSE, "HOUSING_CONSTRUCTION", Instant.parse("2026-11-30T02:00:00Z"),
                Events.T0, 1);
    }

    private List<SmsMessage> sms(String name) {
        Person person = directory.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        return messages.forComplaint(person.recipientId());
    }
}
