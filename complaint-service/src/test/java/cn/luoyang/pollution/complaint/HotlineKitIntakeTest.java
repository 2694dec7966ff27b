package cn.luoyang.pollution.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.support.ServiceHarness;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.hotline.HotlinePublisher;
import cn.luoyang.pollution.hotline.HotlineReport;
import cn.luoyang.pollution.kit.contact.HpkeSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Issue 14's hotline kit against the real intake: a landline caller's report published with
 * {@link HotlinePublisher} (the key served at {@code GET /api/reporter-contact-key}) is registered
 * with its number sealed, masked and typed; the same ticket published again makes no second complaint.
 */
class HotlineKitIntakeTest extends ServiceHarness {

    @Autowired
    MongoComplaints complaints;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aReportPublishedWithTheKitIsRegisteredOnceWithItsNumberSealed() {
        var served = tools.jackson.databind.json.JsonMapper.builder().build().readTree(get("/api/reporter-contact-key").body());
        String keyset = served.get("keyset").toString();
        // the same key for a hotline written without Tink (hotline-kit/README.md)
        assertThat(served.get("hpke").get("kemId").asInt()).isEqualTo(0x0020);
        assertThat(served.get("hpke").get("publicKey").asString()).isEqualTo(HpkeSuite.of(keyset).publicKey());
        HotlineReport report = new HotlineReport("KIT-0001", Channel.HOTLINE_12345, "AIR_CONSTRUCTION_DUST", null,
                "洛阳市涧西区中州西路的工地扬尘很大", null, null, Instant.parse("2026-12-05T23:30:00Z"), true, "0379-63211234", false);

        try (HotlinePublisher hotline = HotlinePublisher.connect(
                new HotlinePublisher.Settings(brokers, "hotline-12345", keyset, Map.of()))) {
            HotlinePublisher.Published first = hotline.publish(report);
            eventually(Duration.ofSeconds(30), () -> complaints.byNaturalKey(first.key()).isPresent(), "the complaint");
            hotline.publish(report); // the operator's system sends the ticket again
            HotlinePublisher.Published marker = hotline.publish(new HotlineReport("KIT-MARKER", Channel.HOTLINE_12345,
                    "AIR_ODOUR", null, "洛龙区异味", null, null, null, false, null, false));
            eventually(Duration.ofSeconds(30), () -> complaints.byNaturalKey(marker.key()).isPresent(), "the marker");

            assertThat(mongo.count(Query.query(Criteria.where("naturalKey").is(first.key())), "complaints")).isEqualTo(1);
            Document stored = mongo.findOne(Query.query(Criteria.where("naturalKey").is(first.key())), Document.class, "complaints");
            assertThat(stored.toJson()).contains("0379-****1234", "LANDLINE").doesNotContain("63211234\"", "+8637963211234");
        }
    }
}
