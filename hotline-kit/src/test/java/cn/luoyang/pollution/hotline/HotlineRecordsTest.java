package cn.luoyang.pollution.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The record the kit makes is the contract's: schema-valid JSON, the ticket as key, the number sealed, masked and typed. */
class HotlineRecordsTest {

    private static final ContactKeys.KeyPair KEYS = ContactKeys.generate();
    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

    private final HotlineRecords records = new HotlineRecords("hotline-12345", KEYS.publicKeyset());

    @Test
    void aLandlineCallersReportIsSealedInItsNormalFormMaskedAndKeyedByItsTicket() {
        ComplaintSubmitted event = records.event(report("T-0001", "0379-63211234"), NOW);
        ProducerRecord<String, byte[]> record = records.record(event);
        String value = new String(record.value(), StandardCharsets.UTF_8);

        assertThat(record.topic()).isEqualTo(Topics.COMPLAINTS_SUBMITTED);
        assertThat(record.key()).isEqualTo("hotline-12345:T-0001");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("complaint.submitted.v1");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(event.eventId());
        assertThat(schema().validate(value, InputFormat.JSON)).isEmpty();
        assertThat(event.reporter().phoneKind()).isEqualTo("LANDLINE");
        assertThat(event.reporter().maskedPhone()).isEqualTo("0379-****1234");
        assertThat(ContactOpener.withPrivateKeyset(KEYS.privateKeyset()).open(event.reporter().sealedPhone()))
                .isEqualTo("+8637963211234");
        assertThat(value).doesNotContain("63211234\"").doesNotContain("0379-63211234");
    }

    @Test
    void anAnonymousCallerAndAReportWhosePlaceIsOnlyInItsWordsAreValidToo() {
        HotlineReport prose = new HotlineReport("T-0002", Channel.HOTLINE_12369, "AIR_CONSTRUCTION_DUST", null,
                "洛阳市涧西区中州西路的工地扬尘很大", null, null, null, true, null, false);
        ComplaintSubmitted event = records.event(prose, NOW);

        assertThat(event.reporter().anonymous()).isTrue();
        assertThat(event.reporter().sealedPhone()).isNull();
        assertThat(schema().validate(new String(records.record(event).value(), StandardCharsets.UTF_8), InputFormat.JSON)).isEmpty();
    }

    @Test
    void theSameTicketPublishedTwiceHasTheSameKeyAndNewEventIds() {
        ComplaintSubmitted first = records.event(report("T-0003", "13812345678"), NOW);
        ComplaintSubmitted again = records.event(report("T-0003", "13812345678"), NOW.plusSeconds(30));

        assertThat(records.record(again).key()).isEqualTo(records.record(first).key());
        assertThat(again.eventId()).isNotEqualTo(first.eventId());
        assertThat(again.reporter().sealedPhone()).as("HPKE seals afresh each time").isNotEqualTo(first.reporter().sealedPhone());
    }

    static HotlineReport report(String ticket, String phone) {
        return new HotlineReport(ticket, Channel.HOTLINE_12345, "AIR_CONSTRUCTION_DUST", null, "工地夜间未覆盖, 扬尘很大",
                new GeoPoint(112.3830, 34.6197, GeoPoint.Datum.GCJ02), "洛阳市涧西区中州西路", NOW.minusSeconds(3600), true,
                phone, false);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static Schema schema() {
        try (InputStream in = HotlineRecordsTest.class.getClassLoader().getResourceAsStream("schemas/complaint-submitted.v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
