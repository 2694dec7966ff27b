package cn.luoyang.pollution.notification.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.EscalationLevel;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.SmsMessage;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Escalations reach people, over the real broker and the embedded MongoDB: the directory is imported
 * through its API (numbers sealed, masked in every answer), an overdue notice and an escalation reach
 * the people they name once each however often the event comes, and quiet hours (here the whole day)
 * hold a routine case's notice while an urgent case's goes through.
 */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "reporter-contact.keys-dir=target/test-keys/escalations",
        "notification.quiet-hours.enabled=true",
        "notification.quiet-hours.start=00:00",
        "notification.quiet-hours.end=23:59:59.999",
        "notification.sending.poll-interval=100ms"})
class EscalationServiceTest {

    private static final String LEADER = "13911112222";
    private static final String OFFICE = "13933334444";
    private static final String ROUTINE_LEADER = "13955556666";

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Messages messages;
    @Autowired
    EscalationMessages escalations;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void overdueAndEscalationReachTheirPeopleOnceEachAndQuietHoursHoldOnlyTheRoutineCase(CapturedOutput output)
            throws Exception {
        HttpResponse<String> imported = post("/api/escalations/directory/import", "text/csv", """
                unit,role,name,mobile
                ECOLOGY_ENVIRONMENT,UNIT_LEADER,测试局长,%s
                CAMPAIGN_OFFICE,CAMPAIGN_OFFICE,测试主任,%s
                URBAN_MANAGEMENT,UNIT_LEADER,测试局长二,%s
                """.formatted(LEADER, OFFICE, ROUTINE_LEADER));
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("\"imported\":3").contains("139****2222").doesNotContain(LEADER);

        // an urgent case of the ecology bureau and a routine one of urban management
        publisher.publish(Topics.CASES_DISPATCHED, urgent(Events.dispatched("CASE-E-1", "c-e1", "LY20261128-000101",
                "ECOLOGY_ENVIRONMENT")));
        publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched("CASE-E-2", "c-e2", "LY20261128-000102",
                "URBAN_MANAGEMENT"));
        awaitCaseFiles("CASE-E-1", "CASE-E-2");

        CaseOverdue overdue = new CaseOverdue("ovd-1", "CASE-E-1", ClockName.CLOSE, "ECOLOGY_ENVIRONMENT", Events.T0, Events.T0, 1);
        CaseEscalated escalated = new CaseEscalated("esc-1", "CASE-E-1", ClockName.CLOSE, EscalationLevel.CAMPAIGN_OFFICE,
                "ECOLOGY_ENVIRONMENT", Events.T0, 1);
        publisher.publish(Topics.CASES_LIFECYCLE, overdue);
        publisher.publish(Topics.CASES_LIFECYCLE, escalated);
        publisher.publish(Topics.CASES_LIFECYCLE, overdue); // redelivered
        publisher.publish(Topics.CASES_LIFECYCLE, escalated); // redelivered
        publisher.publish(Topics.CASES_LIFECYCLE, Events.overdue("CASE-E-2", "URBAN_MANAGEMENT"));

        Person leader = person("ECOLOGY_ENVIRONMENT", Role.UNIT_LEADER, "测试局长");
        Person office = person("CAMPAIGN_OFFICE", Role.CAMPAIGN_OFFICE, "测试主任");
        Person routineLeader = person("URBAN_MANAGEMENT", Role.UNIT_LEADER, "测试局长二");
        awaitSent(leader.recipientId(), 1);
        awaitSent(office.recipientId(), 1);
        awaitQueued(routineLeader.recipientId());

        // the digest's projection follows the lifecycle topic: both cases are overdue and open, each at its unit
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mongo.getCollection("overdue_cases").countDocuments() < 2 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(mongo.getCollection("overdue_cases").find().into(new ArrayList<>()))
                .extracting(d -> d.getString("unit"))
                .containsExactlyInAnyOrder("ECOLOGY_ENVIRONMENT@410300", "URBAN_MANAGEMENT@410300");

        // what another instance (or this one after a restart) does with the same events: nothing new
        assertThat(escalations.overdue(overdue)).isZero();
        assertThat(escalations.escalated(escalated)).isZero();
        Thread.sleep(1000);

        assertThat(sent(leader.recipientId())).singleElement().satisfies(d -> {
            assertThat(d.getString("milestone")).isEqualTo("OVERDUE");
            assertThat(d.getString("maskedPhone")).isEqualTo("139****2222");
            assertThat(d.getString("text")).contains("测试局长").contains("LY20261128-000101").contains("办结时限")
                    .contains("超期");
        });
        assertThat(sent(office.recipientId())).singleElement()
                .satisfies(d -> assertThat(d.getString("text")).contains("升级督办").contains("LY20261128-000101"));
        // the routine case waits for the morning, the urgent one did not
        assertThat(sent(routineLeader.recipientId())).isEmpty();
        assertThat(messages.forComplaint(routineLeader.recipientId())).singleElement()
                .satisfies(m -> assertThat(m.state()).isEqualTo(MessageState.QUEUED));

        for (String number : List.of(LEADER, OFFICE, ROUTINE_LEADER)) {
            for (String name : mongo.getCollectionNames()) {
                for (Document doc : mongo.getCollection(name).find()) {
                    assertThat(doc.toJson()).as("collection %s", name).doesNotContain(number);
                }
            }
            assertThat(output.getAll()).doesNotContain(number);
        }
        HttpResponse<String> listed = get("/api/escalations/directory");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("139****2222").contains("测试主任").doesNotContain(LEADER).doesNotContain(OFFICE);
    }

    @Test
    void aBadEntryIsRefusedFieldByFieldAndABadLineRefusesTheWholeFile() throws Exception {
        HttpResponse<String> bad = post("/api/escalations/directory", "application/json",
                "{\"unit\":\"ecology bureau\",\"role\":\"BOSS\",\"name\":\"\",\"mobile\":\"0379-63211234\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(bad.body()).contains("\"unit\"").contains("\"role\"").contains("\"name\"").contains("\"mobile\"");

        HttpResponse<String> file = post("/api/escalations/directory/import", "text/csv",
                "unit,role,name,mobile\nWATER_RESOURCES,UNIT_LEADER,甲,13977778888\nWATER_RESOURCES,UNIT_LEADER,乙,12345\n");
        assertThat(file.statusCode()).isEqualTo(400);
        assertThat(file.body()).contains("line 3.mobile").doesNotContain("13977778888");
        assertThat(get("/api/escalations/directory").body()).doesNotContain("WATER_RESOURCES");

        HttpResponse<String> good = post("/api/escalations/directory", "application/json",
                "{\"unit\":\"WATER_RESOURCES@410305\",\"role\":\"GRID_LEADER\",\"name\":\"丙\",\"mobile\":\"13977778888\"}");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("139****8888").contains("\"updatedBy\"").doesNotContain("13977778888");
        String id = Person.idOf("WATER_RESOURCES@410305", Role.GRID_LEADER, "丙");
        HttpResponse<String> removed = http.send(HttpRequest.newBuilder(uri("/api/escalations/directory/" + id)).DELETE()
                .header("Authorization", AccessCheck.basicFor("ADMIN")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).isEqualTo(204);
    }

    private static CaseDispatched urgent(CaseDispatched d) {
        return new CaseDispatched(d.eventId(), d.caseId(), d.complaintId(), d.trackingNumber(), d.category(), d.location(),
                d.territory(), d.leadDepartment(), d.coHandlingDepartments(), d.level(), Priority.URGENT, d.deadlineProfile(),
                d.sourceId(), d.ruleId(), d.ruleVersion(), d.routingRound(), d.arbitrated(), d.trace(), d.occurredAt(),
                d.schemaVersion());
    }

    private static Person person(String unit, Role role, String name) {
        return new Person(Person.idOf(unit, role, name), unit, role, name, null, null, null, null);
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", type + ";charset=UTF-8")
                .header("Authorization", AccessCheck.basicFor("CAMPAIGN_OFFICE")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AccessCheck.basicFor("CAMPAIGN_OFFICE"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private List<Document> sent(String recipient) {
        return mongo.getCollection("sent_sms").find(new Document("complaintId", recipient)).into(new ArrayList<>());
    }

    private void awaitSent(String recipient, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sent(recipient).size() < count && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(sent(recipient)).hasSize(count);
    }

    private void awaitQueued(String recipient) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (messages.forComplaint(recipient).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(messages.forComplaint(recipient)).hasSize(1);
    }

    private void awaitCaseFiles(String... caseIds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String caseId : caseIds) {
            while (mongo.getCollection("case_files").countDocuments(new Document("_id", caseId)) == 0
                    && System.nanoTime() < end) {
                Thread.sleep(100);
            }
        }
    }
}
