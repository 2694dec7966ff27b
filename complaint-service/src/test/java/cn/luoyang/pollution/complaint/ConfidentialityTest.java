package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.Seal;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.complaint.support.TopicContents;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.testing.TopicProbe;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Files complaints with known phone numbers through every channel, then searches every Kafka
 * record (values and headers), every document of every MongoDB collection and the log output for
 * those numbers: there must be none. Logging is at DEBUG for this service and Spring MVC, so the
 * search covers what an operator turning logging up would see.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.level.cn.luoyang=DEBUG", "logging.level.org.springframework.web=DEBUG"})
class ConfidentialityTest extends ServiceHarness {

    private static final String NATIVE = "13912340101";
    private static final String OPEN311_LANDLINE = "0379-63210202";
    /** The digits of the landline that would show in any plain form of it (0379-…, +86379…, 86379…). */
    private static final String OPEN311 = "63210202";
    private static final String HOTLINE = "13612340303";
    private static final String IN_TEXT = "15012340404";
    private static final List<String> NUMBERS = List.of(NATIVE, OPEN311, HOTLINE, IN_TEXT);

    @Autowired
    MongoTemplate mongo;

    @Test
    void noPlaintextPhoneNumberRestsInKafkaMongoOrTheLogs(CapturedOutput output) throws Exception {
        assertThat(postJson("/api/complaints", Reports.nativeReport(NATIVE), Map.of()).statusCode()).isEqualTo(201);
        assertThat(postJson("/api/complaints", Reports.anonymousReport().replace("凌晨两点还在施工", "凌晨两点还在施工, 请回电 150 1234 0404"),
                Map.of()).statusCode()).isEqualTo(201);
        assertThat(postJson("/api/complaints", Reports.nativeReport("+86 " + NATIVE), Map.of("Idempotency-Key", "conf-1")).statusCode())
                .isEqualTo(201);
        String form = "api_key=demo-open311-key&service_code=AIR_ODOUR&address_string=" + URLEncoder.encode("洛阳市吉利区", StandardCharsets.UTF_8)
                + "&description=" + URLEncoder.encode("化工厂恶臭", StandardCharsets.UTF_8) + "&phone=" + OPEN311_LANDLINE;
        assertThat(send(HttpRequest.newBuilder(uri("/open311/v2/requests.json")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode()).isEqualTo(200);
        String[] sealed = Seal.phone(KEYS.publicKeyset(), HOTLINE);
        produce(Topics.COMPLAINTS_SUBMITTED, "hotline-12345:CONF-1",
                Reports.submitted("hotline-12345", "CONF-1", sealed[0], sealed[1]).getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.TYPE, "complaint.submitted.v1"));
        // a number that is no valid number is accepted, sealed as given and never echoed
        HttpResponse<String> unparsed = postJson("/api/complaints", Reports.nativeReport(NATIVE + "9"), Map.of());
        assertThat(unparsed.statusCode()).isEqualTo(201);
        assertThat(unparsed.body()).doesNotContain(NATIVE);

        List<ConsumerRecord<String, byte[]>> registered;
        try (TopicProbe probe = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED)) {
            registered = probe.await(6, Duration.ofSeconds(60));
        }
        assertThat(registered).hasSize(6);
        assertThat(registered).anySatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("150****0404"));

        List<String> found = new ArrayList<>();
        for (String topic : topics()) {
            for (ConsumerRecord<String, byte[]> r : TopicContents.all(brokers, topic)) {
                StringBuilder text = new StringBuilder(r.key() == null ? "" : r.key()).append(new String(r.value(), StandardCharsets.UTF_8));
                for (Header h : r.headers()) {
                    text.append(h.key()).append(new String(h.value(), StandardCharsets.UTF_8));
                }
                NUMBERS.stream().filter(n -> text.indexOf(n) >= 0).forEach(n -> found.add("kafka " + topic + ": " + n));
            }
        }
        int documents = 0;
        for (String collection : mongo.getCollectionNames()) {
            for (org.bson.Document doc : mongo.findAll(org.bson.Document.class, collection)) {
                documents++;
                String text = doc.toJson();
                NUMBERS.stream().filter(text::contains).forEach(n -> found.add("mongo " + collection + ": " + n));
            }
        }
        NUMBERS.stream().filter(n -> output.getAll().contains(n)).forEach(n -> found.add("log: " + n));

        assertThat(documents).isGreaterThanOrEqualTo(5);
        assertThat(output.getAll()).contains("POST \"/api/complaints\""); // the DEBUG request log was on
        assertThat(found).isEmpty();
    }

    private Set<String> topics() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", brokers))) {
            Set<String> topics = new java.util.TreeSet<>(admin.listTopics().names().get());
            assertThat(topics).contains(Topics.COMPLAINTS_REGISTERED, Topics.COMPLAINTS_SUBMITTED);
            return topics;
        }
    }
}
