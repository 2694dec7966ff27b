package cn.luoyang.pollution.notification.callbacks;

import static cn.luoyang.pollution.testing.security.AccessCheck.basicFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.security.Callers;
import cn.luoyang.pollution.notification.fixtures.Await;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The callback worklist over the real broker, embedded MongoDB and HTTP on loopback: a landline
 * reporter's REGISTERED and CLOSED milestones become one task each however often the events come,
 * operators take, reveal and record under the task's rules, and an answer "3" on the phone is
 * published as the same feedback event an SMS "3" makes.
 */
@ServiceTest
@TestPropertySource(properties = {
        "notification.quiet-hours.enabled=false",
        "notification.caps.enabled=false",
        "notification.sending.poll-interval=100ms",
        "notification.callbacks.max-tries=2",
        "notification.callbacks.retry-pause=0s",
        "reporter-contact.keys-dir=target/test-keys/callbacks"})
class CallbackWorklistServiceTest {

    static final ContactSealer SEALER = ContactSealer.withPublicKeyset(
            ContactKeys.ensure(Path.of("target/test-keys/callbacks")).publicKeyset());
    static final ContactNumber LANDLINE = PhoneNumbers.read("0379-63211234");

    @Autowired
    EventPublisher publisher;
    @Autowired
    CallbackTasks tasks;
    @Autowired
    MongoTemplate mongo;
    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLandlineReportersRegisteredAndClosedMilestonesMakeOneTaskEachWhateverTheRedeliveries() {
        landlineCaseClosed("cb-1", 2);

        Await.until(() -> task("cb-1", Milestone.CLOSED).isPresent() && task("cb-1", Milestone.REGISTERED).isPresent());
        // the redelivered events were handled before the closure's task appeared (same partition, in order)
        assertThat(mongo.getCollection("callback_tasks").countDocuments(new org.bson.Document("complaintId", "cb-1")))
                .isEqualTo(2);
        CallbackTask closed = task("cb-1", Milestone.CLOSED).orElseThrow();
        assertThat(closed.state()).isEqualTo(CallbackState.OPEN);
        assertThat(closed.maskedPhone()).isEqualTo(LANDLINE.masked());
        assertThat(closed.trackingNumber()).isEqualTo("LY-cb-1");
        assertThat(closed.script()).contains("已整改");
        assertThat(closed.why()).isEqualTo("not-sms-reachable: landline");
        assertThat(mongo.getCollection("callback_tasks").find().first().toJson())
                .doesNotContain(LANDLINE.normalForm()).doesNotContain("63211234");
    }

    @Test
    void theListShowsTheMaskedNumberAndTheNumberIsRevealedOnlyToTheOperatorWhoTookTheTask() throws Exception {
        landlineCaseClosed("cb-2", 1);
        Await.until(() -> task("cb-2", Milestone.CLOSED).isPresent());
        String id = task("cb-2", Milestone.CLOSED).orElseThrow().id();

        HttpResponse<String> list = call("GET", "/api/callbacks?limit=500", "OPERATOR", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id).contains(LANDLINE.masked()).doesNotContain("63211234");

        assertThat(call("POST", "/api/callbacks/" + id + "/reveal", "OPERATOR", null).statusCode())
                .as("not taken yet").isEqualTo(403);
        assertThat(call("POST", "/api/callbacks/" + id + "/take", "OPERATOR", null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/callbacks/" + id + "/take", "ADMIN", null).statusCode()).isEqualTo(409);
        assertThat(call("POST", "/api/callbacks/" + id + "/reveal", "ADMIN", null).statusCode()).isEqualTo(403);
        HttpResponse<String> revealed = call("POST", "/api/callbacks/" + id + "/reveal", "OPERATOR", null);
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains(LANDLINE.normalForm());
        assertThat(revealed.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(call("GET", "/api/callbacks?limit=500", "OPERATOR", null).body()).as("a taken task leaves the list")
                .doesNotContain(id);
        CallbackTask seen = tasks.byId(id).orElseThrow();
        assertThat(seen.reveals()).extracting(CallbackTask.Reveal::by).containsExactly("operator");
        assertThat(call("POST", "/api/callbacks/" + id + "/outcome", "ADMIN", "{\"outcome\":\"REFUSED\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theConsolesServiceAccountWorksATaskOnlyInTheNameOfTheOperatorItActsFor() throws Exception {
        landlineCaseClosed("cb-6", 1);
        Await.until(() -> task("cb-6", Milestone.CLOSED).isPresent());
        String id = task("cb-6", Milestone.CLOSED).orElseThrow().id();

        HttpResponse<String> nobody = asConsole("POST", "/api/callbacks/" + id + "/take", null, null);
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains(Callers.ON_BEHALF_OF);
        assertThat(asConsole("GET", "/api/callbacks?limit=500", "operator", null).body()).contains(id);
        // (a task just made may still be written once more by the sweep: a take then answers 409 "changed meanwhile")
        assertThat(asConsole("POST", "/api/callbacks/" + id + "/take", "operator", null).statusCode()).isEqualTo(200);
        assertThat(asConsole("GET", "/api/callbacks/mine", "operator", null).body()).contains(id);
        assertThat(asConsole("GET", "/api/callbacks/mine", "someone-else", null).body()).doesNotContain(id);
        assertThat(asConsole("POST", "/api/callbacks/" + id + "/reveal", "someone-else", null).statusCode()).isEqualTo(403);
        HttpResponse<String> revealed = asConsole("POST", "/api/callbacks/" + id + "/reveal", "operator", null);
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains(LANDLINE.normalForm());
        // the same operator signed in directly holds the task too: one name, however the call came
        assertThat(call("POST", "/api/callbacks/" + id + "/reveal", "OPERATOR", null).statusCode()).isEqualTo(200);
        assertThat(tasks.byId(id).orElseThrow().takenBy()).isEqualTo("operator");
    }

    private HttpResponse<String> asConsole(String method, String path, String onBehalfOf, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basicFor("SERVICE")).header("Content-Type", "application/json");
        if (onBehalfOf != null) {
            request.header(Callers.ON_BEHALF_OF, onBehalfOf);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badOutcomesAreRefusedWithTheFieldNamed() throws Exception {
        landlineCaseClosed("cb-3", 1);
        Await.until(() -> task("cb-3", Milestone.REGISTERED).isPresent());
        String registered = task("cb-3", Milestone.REGISTERED).orElseThrow().id();
        call("POST", "/api/callbacks/" + registered + "/take", "OPERATOR", null);

        HttpResponse<String> noOutcome = call("POST", "/api/callbacks/" + registered + "/outcome", "OPERATOR",
                "{\"outcome\":\"MAYBE\",\"rating\":\"7\"}");
        assertThat(noOutcome.statusCode()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("\"outcome\"").contains("\"rating\"");
        HttpResponse<String> ratingOnRegistered = call("POST", "/api/callbacks/" + registered + "/outcome", "OPERATOR",
                "{\"outcome\":\"ANSWERED\",\"rating\":\"1\"}");
        assertThat(ratingOnRegistered.statusCode()).isEqualTo(400);
        assertThat(ratingOnRegistered.body()).contains("\"outcome\"");
        assertThat(call("POST", "/api/callbacks/nothing-here/take", "OPERATOR", null).statusCode()).isEqualTo(404);

        HttpResponse<String> informed = call("POST", "/api/callbacks/" + registered + "/outcome", "OPERATOR",
                "{\"outcome\":\"REACHED\"}");
        assertThat(informed.statusCode()).isEqualTo(200);
        assertThat(tasks.byId(registered).orElseThrow().state()).isEqualTo(CallbackState.REACHED);
        assertThat(call("POST", "/api/callbacks/" + registered + "/take", "OPERATOR", null).statusCode())
                .as("a finished task cannot be taken").isEqualTo(409);
    }

    @Test
    void aCallThatDoesNotReachTheReporterPutsTheTaskBackUntilTheLastTry() throws Exception {
        landlineCaseClosed("cb-4", 1);
        Await.until(() -> task("cb-4", Milestone.REGISTERED).isPresent());
        String id = task("cb-4", Milestone.REGISTERED).orElseThrow().id();

        call("POST", "/api/callbacks/" + id + "/take", "OPERATOR", null);
        assertThat(call("POST", "/api/callbacks/" + id + "/outcome", "OPERATOR", "{\"outcome\":\"NOT_REACHED\"}")
                .statusCode()).isEqualTo(200);
        CallbackTask again = tasks.byId(id).orElseThrow();
        assertThat(again.state()).isEqualTo(CallbackState.OPEN);
        assertThat(again.tries()).isEqualTo(1);
        assertThat(again.takenBy()).isNull();
        assertThat(call("GET", "/api/callbacks?limit=500", "OPERATOR", null).body()).contains(id);

        assertThat(call("POST", "/api/callbacks/" + id + "/take", "ADMIN", null).statusCode())
                .as("anyone may try next").isEqualTo(200);
        call("POST", "/api/callbacks/" + id + "/outcome", "ADMIN", "{\"outcome\":\"NOT_REACHED\"}");
        CallbackTask last = tasks.byId(id).orElseThrow();
        assertThat(last.state()).isEqualTo(CallbackState.NOT_REACHED);
        assertThat(last.tries()).isEqualTo(2);
        assertThat(call("GET", "/api/callbacks?limit=500", "OPERATOR", null).body()).doesNotContain(id);
    }

    @Test
    void anUnsatisfiedAnswerOnThePhoneIsPublishedAsTheSurveysFeedback() throws Exception {
        try (TopicProbe feedback = new TopicProbe(brokers, Topics.REPORTERS_FEEDBACK)) {
            landlineCaseClosed("cb-5", 1);
            Await.until(() -> task("cb-5", Milestone.CLOSED).isPresent());
            String id = task("cb-5", Milestone.CLOSED).orElseThrow().id();
            call("POST", "/api/callbacks/" + id + "/take", "OPERATOR", null);

            HttpResponse<String> answered = call("POST", "/api/callbacks/" + id + "/outcome", "OPERATOR",
                    "{\"outcome\":\"ANSWERED\",\"rating\":\"3\",\"note\":\"工地仍有扬尘\"}");

            assertThat(answered.statusCode()).isEqualTo(200);
            List<ConsumerRecord<String, byte[]>> records = feedback.await(1, Duration.ofSeconds(20));
            ReporterFeedbackReceived event = (ReporterFeedbackReceived) new EventCodec()
                    .decode("reporter.feedback-received.v1", records.get(0).value());
            assertThat(event.caseId()).isEqualTo("CASE-cb-5");
            assertThat(event.complaintId()).isEqualTo("cb-5");
            assertThat(event.rating()).isEqualTo(Satisfaction.UNSATISFIED);
            assertThat(records.get(0).key()).isEqualTo("CASE-cb-5");
            CallbackTask done = tasks.byId(id).orElseThrow();
            assertThat(done.state()).isEqualTo(CallbackState.ANSWERED);
        }
    }

    /** A landline reporter's complaint registered, dispatched and closed, each event delivered {@code times} times. */
    private void landlineCaseClosed(String complaintId, int times) {
        SealedContact contact = new SealedContact(false, SEALER.seal(LANDLINE.normalForm()), LANDLINE.masked(),
                LANDLINE.kind().name());
        for (int i = 0; i < times; i++) {
            publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered(complaintId, "LY-" + complaintId, contact));
        }
        // one closure, redelivered: a redelivery carries the same event id (a new id would be a second closure)
        CaseClosed closed = Events.closed("CASE-" + complaintId, "已整改。", List.of(complaintId));
        for (int i = 0; i < times; i++) {
            publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched("CASE-" + complaintId, complaintId,
                    "LY-" + complaintId, "ECOLOGY_ENVIRONMENT"));
            publisher.publish(Topics.CASES_LIFECYCLE, closed);
        }
    }

    private Optional<CallbackTask> task(String complaintId, Milestone milestone) {
        return mongo.getCollection("callback_tasks")
                .find(new org.bson.Document("complaintId", complaintId).append("milestone", milestone.name()))
                .map(d -> d.getString("_id")).into(new java.util.ArrayList<>()).stream().findFirst()
                .flatMap(tasks::byId);
    }

    private HttpResponse<String> call(String method, String path, String role, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basicFor(role)).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
