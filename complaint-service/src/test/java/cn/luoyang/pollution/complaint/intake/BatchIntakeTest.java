package cn.luoyang.pollution.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.IntakeService.Outcome;
import cn.luoyang.pollution.complaint.intake.IntakeService.Submission;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.intake.persistence.MongoTrackingNumbers;
import cn.luoyang.pollution.complaint.support.Seal;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hotline's submissions a poll at a time: checked one by one, stored in one insert, published together, with
 * the outcomes one by one would give. Round trips counted on the wire (data commands), not timed.
 */
class BatchIntakeTest {

    private static final String[] SEALED = Seal.phone(ContactKeys.generate().publicKeyset(), "13912345678");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final CountedMongo server = new CountedMongo("complaints");
    private final MongoComplaints complaints = new MongoComplaints(server.template(), new EventCodec());
    private final List<Event> published = new ArrayList<>();
    private final IntakeService intake;

    BatchIntakeTest() {
        complaints.createIndexes();
        OutboxRelay relay = new OutboxRelay(server.template(), MongoComplaints.COLLECTION, new Outbox(new EventCodec()),
                (topic, event) -> published.add(event), CLOCK, Duration.ofMinutes(1));
        intake = new IntakeService(new ComplaintRules(Catalogue.defaults(), CityArea.luoyang(), MediaLimits.defaults(), CLOCK),
                complaints, new MongoTrackingNumbers(server.template(), 20), relay, CLOCK, Duration.ofSeconds(5));
        intake.register(draft("warm-up", "河边暗管排污")); // the tracking numbers' key and first block, as a running service has them
        published.clear();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ComplaintDraft draft(String ticket, String description) {
        return new ComplaintDraft("hotline-12369", ticket, Channel.HOTLINE_12369, "WATER_SEWAGE_OUTLET", null, description,
                new GeoPoint(112.4540, 34.6197, GeoPoint.Datum.GCJ02), "洛阳市洛龙区洛河南岸", Instant.parse("2026-11-28T06:00:00Z"),
                false, List.of(), new ReporterContact(false, SEALED[0], SEALED[1], PhoneKind.MOBILE), false);
    }

    private static Submission submission(String ticket, String description) {
        return new Submission(draft(ticket, description), List.of());
    }

    private static List<Submission> tenTickets() {
        return IntStream.range(0, 10).mapToObj(i -> submission("T-" + i, "河边暗管排污, 水发黑")).toList();
    }

    @Test
    void aBatchOfTenNewTicketsCostsOneInsertAndThreeCommandsToPublishWhereOneByOneTheyCostThirty() {
        List<Submission> batch = tenTickets();
        server.reset();

        intake.registerAll(batch);
        int together = server.commands();
        printed("batch of 10 submissions", together);

        assertThat(together).as("one insert; the relay's claim, read and release").isEqualTo(4);
        assertThat(published).hasSize(10);
    }

    @Test
    void oneByOneTheSameTenTicketsCostAnInsertAClaimAndARelease() {
        List<Submission> batch = tenTickets();
        server.reset();

        batch.forEach(s -> intake.register(s.draft()));
        printed("10 submissions one by one", server.commands());

        assertThat(server.commands()).isEqualTo(30);
    }

    @Test
    void aTicketTwiceInABatchIsOneComplaintTheSecondARepeatIfItIsTheSameReportAndAConflictIfNot() {
        List<Outcome> outcomes = intake.registerAll(List.of(submission("T-1", "河边暗管排污"), submission("T-1", "河边暗管排污"),
                submission("T-1", "河水发红")));

        assertThat(outcomes.get(0).registration().repeated()).isFalse();
        assertThat(outcomes.get(1).registration().repeated()).isTrue();
        assertThat(outcomes.get(1).registration().complaint().id()).isEqualTo(outcomes.get(0).registration().complaint().id());
        assertThat(outcomes.get(2).refusal()).isInstanceOf(TicketConflictException.class);
        assertThat(stored("T-1")).isEqualTo(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void aBrokenSubmissionIsRefusedAloneWithItsFieldsAndTheOthersAreStoredWithTheirPhoneNumbersMasked() {
        Submission broken = new Submission(draft("T-2", " "), List.of());

        List<Outcome> outcomes = intake.registerAll(List.of(submission("T-1", "排污, 请回电 13912345678"), broken,
                submission("T-3", "河边暗管排污")));

        assertThat(outcomes.get(1).refusal()).isInstanceOfSatisfying(InvalidComplaintException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("description"));
        assertThat(outcomes.get(0).registration()).isNotNull();
        assertThat(outcomes.get(2).registration()).isNotNull();
        assertThat(stored("T-2")).isZero();
        assertThat(published).extracting(e -> ((ComplaintRegistered) e).externalTicketId()).containsExactly("T-1", "T-3");
        assertThat(server.template().getCollection(MongoComplaints.COLLECTION).find().into(new ArrayList<Document>()).toString())
                .doesNotContain("13912345678");
    }

    @Test
    void aRedeliveredBatchStoresNothingNewAndAnnouncesNothingTwice() {
        List<Submission> batch = tenTickets();
        List<Outcome> first = intake.registerAll(batch);

        List<Outcome> again = intake.registerAll(batch);

        assertThat(again).allSatisfy(o -> assertThat(o.registration().repeated()).isTrue());
        assertThat(again).extracting(o -> o.registration().complaint().id())
                .containsExactlyElementsOf(first.stream().map(o -> o.registration().complaint().id()).toList());
        assertThat(server.template().getCollection(MongoComplaints.COLLECTION).countDocuments()).isEqualTo(11);
        assertThat(published).hasSize(10);
    }

    private long stored(String ticket) {
        return server.template().getCollection(MongoComplaints.COLLECTION)
                .countDocuments(new Document("naturalKey", "hotline-12369:" + ticket));
    }

    /** For BENCHMARKS.md. */
    private static void printed(String what, int commands) {
        System.out.println(what + ": " + commands + " data commands");
    }
}
