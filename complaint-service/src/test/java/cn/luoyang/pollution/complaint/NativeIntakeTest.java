package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.Reports;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NativeIntakeTest extends ServiceHarness {

    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @Test
    void validReportIsRegisteredWithATrackingNumberAndPublishedWithTheSealedPhone() {
        HttpResponse<String> answer = postJson("/api/complaints", Reports.nativeReport("13812345678"), Map.of());

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(answer.body());
        String trackingNumber = body.get("trackingNumber").stringValue();
        assertThat(trackingNumber).matches("LY\\d{8}-\\d{6}");
        assertThat(body.get("status").stringValue()).isEqualTo("RECEIVED");
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/complaints/" + trackingNumber);

        try (TopicProbe registered = new TopicProbe(brokers, Topics.COMPLAINTS_REGISTERED)) {
            ConsumerRecord<String, byte[]> record = registered.await(1, Duration.ofSeconds(20)).stream()
                    .filter(r -> r.key().equals(body.get("complaintId").stringValue())).findFirst().orElseThrow();
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("complaint.registered.v1");
            ComplaintRegistered event = (ComplaintRegistered) codec.decode("complaint.registered.v1", record.value());
            assertThat(event.trackingNumber()).isEqualTo(trackingNumber);
            assertThat(event.reporter().maskedPhone()).isEqualTo("138****5678");
            assertThat(ContactOpener.withPrivateKeyset(KEYS.privateKeyset()).open(event.reporter().sealedPhone()))
                    .isEqualTo("13812345678");
            assertThat(event.category()).isEqualTo("AIR_CONSTRUCTION_DUST");
            assertThat(event.location().datum().name()).isEqualTo("WGS84");
        }
    }
}
