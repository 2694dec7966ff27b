package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.MutableClock;
import cn.luoyang.pollution.enforcement.cases.application.CaseIntake;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.EventSink;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CaseIntake#batch}: a poll of {@code cases.dispatched} or {@code reporters.feedback} read once and written
 * once, with the one-by-one outcome whatever the batch holds (order, duplicates, an unknown case, a conflict, a
 * redelivery, a half-written batch, another replica). Round trips are counted on the wire: a count, not a timing.
 */
class BatchIntakeTest {

    private final CountedMongo mongo = new CountedMongo("enforcement");
    private final MutableClock clock = new MutableClock(CaseMother.T0);
    private final List<Event> published = new ArrayList<>();
    private final CaseIntake intake = intake(new MongoCases(mongo.template(), new EventCodec()));

    @AfterEach
    void stop() {
        mongo.close();
    }

    private CaseIntake intake(Cases cases) {
        EventSink publisher = (topic, event) -> published.add(event);
        OutboxRelay relay = new OutboxRelay(mongo.template(), "cases", new Outbox(new EventCodec()), publisher, clock,
                Duration.ofSeconds(30));
        CaseService service = new CaseService(cases, CaseMother.RULES, clock, relay::publishSoon,
                new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        return new CaseIntake(cases, CaseMother.RULES, clock, service, relay::publishSoon);
    }

    /** Ten new cases, each followed by a merge of a second report into it. */
    private static List<Event> tenCasesAndTheirMerges() {
        List<Event> poll = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            poll.add(Dispatches.routine("CASE-B" + i, "URBAN_MANAGEMENT", "410305"));
            poll.add(Dispatches.merged("CASE-B" + i, "cmp-second-" + i));
        }
        return poll;
    }

    private Case stored(String caseId) {
        return new MongoCases(mongo.template(), new EventCodec()).find(caseId).orElseThrow();
    }

    private static List<String> actions(Case c) {
        return c.history().entries().stream().map(HistoryEntry::action).toList();
    }

    @Test
    void aBatchOfTwentyRecordsCostsOneReadAndOneBulkWriteWhereRecordByRecordTheyCostThirty() {
        List<Event> poll = tenCasesAndTheirMerges();
        mongo.reset();
        assertThat(intake.batch(poll)).isEmpty();
        int batched = mongo.commands();

        try (CountedMongo other = new CountedMongo("enforcement")) {
            CaseIntake oneByOne = intake(new MongoCases(other.template(), new EventCodec()));
            other.reset();
            for (Event e : poll) {
                if (e instanceof CaseDispatched d) {
                    oneByOne.dispatched(d);
                } else {
                    oneByOne.merged((ComplaintMerged) e);
                }
            }
            int single = other.commands();
            // printed for BENCHMARKS.md
            System.out.println("cases.dispatched, 20 records: batch " + batched + " commands, record by record " + single);
            assertThat(single).as("an insert per new case, a read and an update per merge").isEqualTo(30);
        }
        assertThat(batched).as("one find, one bulk update").isEqualTo(2);
        assertThat(stored("CASE-B7").complaintIds()).containsExactly("cmp-CASE-B7", "cmp-second-7");
    }

    @Test
    void eventsApplyInPollOrderAndADuplicateWithinTheBatchChangesNothing() {
        var dispatch = Dispatches.routine("CASE-O1", "URBAN_MANAGEMENT", "410305");
        var merge = Dispatches.merged("CASE-O1", "cmp-x");
        var reround = Dispatches.round("CASE-O1", "ECOLOGY_ENVIRONMENT", "410305", 2);

        intake.batch(List.of(dispatch, merge, dispatch, merge, reround, Dispatches.merged("CASE-O1", "cmp-y"), reround));

        Case c = stored("CASE-O1");
        assertThat(c.complaintIds()).containsExactly("cmp-CASE-O1", "cmp-x", "cmp-y");
        assertThat(actions(c)).containsExactly("DISPATCHED", "COMPLAINT_MERGED", "DISPATCHED", "COMPLAINT_MERGED");
        assertThat(c.routingRound()).isEqualTo(2);
        assertThat(c.lead()).isEqualTo(Unit.parse("ECOLOGY_ENVIRONMENT@410305"));
        assertThat(c.version()).as("one write").isEqualTo(1);
    }

    @Test
    void aRecordThatCanNeverApplyIsRefusedAloneWithItsReasonAndTheRestOfItsCaseStands() {
        intake.batch(List.of(Dispatches.routine("CASE-S1", "URBAN_MANAGEMENT", "410305")));
        Case accepted = stored("CASE-S1");
        accepted.accept(CaseMother.LEAD, clock.instant(), null, CaseMother.RULES);
        new MongoCases(mongo.template(), new EventCodec()).save(accepted);
        var lost = Dispatches.merged("CASE-NOWHERE", "cmp-lost");
        var conflict = Dispatches.round("CASE-S1", "ECOLOGY_ENVIRONMENT", "410305", 2);

        List<CaseIntake.Refusal> refused = intake.batch(List.of(Dispatches.merged("CASE-S1", "cmp-a"), lost, conflict,
                Dispatches.merged("CASE-S1", "cmp-b"), Dispatches.routine("CASE-S2", "URBAN_MANAGEMENT", "410305")));

        assertThat(refused).extracting(CaseIntake.Refusal::event, CaseIntake.Refusal::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(lost, "unknown-case"),
                        org.assertj.core.groups.Tuple.tuple(conflict, "case-state-conflict"));
        Case c = stored("CASE-S1");
        assertThat(c.complaintIds()).containsExactly("cmp-CASE-S1", "cmp-a", "cmp-b");
        assertThat(c.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(c.routingRound()).isEqualTo(1);
        assertThat(stored("CASE-S2").state()).isEqualTo(CaseState.DISPATCHED);
    }

    @Test
    void aRedeliveredBatchReadsOnceAndWritesNothing() {
        List<Event> poll = tenCasesAndTheirMerges();
        intake.batch(poll);
        mongo.reset();

        intake.batch(poll);

        assertThat(mongo.commands()).as("the read; nothing changed, nothing written").isEqualTo(1);
        assertThat(mongo.template().getCollection("cases").countDocuments()).isEqualTo(10);
        assertThat(actions(stored("CASE-B3"))).containsExactly("DISPATCHED", "COMPLAINT_MERGED");
    }

    @Test
    void aBatchHalfWrittenBeforeACrashIsFinishedOnRedeliveryWithoutDoingAnythingTwice() {
        List<Event> poll = tenCasesAndTheirMerges();
        // the crash: the first seven records were stored (a bulk write is not atomic across documents)
        intake.batch(poll.subList(0, 7));

        intake.batch(poll);

        assertThat(mongo.template().getCollection("cases").countDocuments()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(actions(stored("CASE-B" + i))).as("CASE-B" + i).containsExactly("DISPATCHED", "COMPLAINT_MERGED");
        }
    }

    @Test
    void aCaseAnotherReplicaOpensBetweenTheReadAndTheWriteIsReadAgainAndNotOpenedTwice() {
        var dispatch = Dispatches.routine("CASE-R1", "URBAN_MANAGEMENT", "410305");
        var merge = Dispatches.merged("CASE-R1", "cmp-r");
        CaseIntake otherReplica = intake(new MongoCases(mongo.template(), new EventCodec()));
        CaseIntake racing = intake(new MongoCases(mongo.template(), new EventCodec()) {
            private boolean first = true;

            @Override
            public Map<String, Case> findAll(Collection<String> caseIds) {
                Map<String, Case> found = super.findAll(caseIds);
                if (first) {
                    first = false;
                    otherReplica.batch(List.of(dispatch));
                }
                return found;
            }
        });

        racing.batch(List.of(dispatch, merge));

        Case c = stored("CASE-R1");
        assertThat(actions(c)).containsExactly("DISPATCHED", "COMPLAINT_MERGED");
        assertThat(c.complaintIds()).containsExactly("cmp-CASE-R1", "cmp-r");
    }

    @Test
    void aFeedbackBatchPublishesWhatItDecidedThroughTheOutbox() {
        Case closed = CaseMother.inState("CASE-F1", CaseState.CLOSED);
        new MongoCases(mongo.template(), new EventCodec()).save(closed);
        published.clear();
        var unsatisfied = new ReporterFeedbackReceived("fb-1", "CASE-F1", "cmp-CASE-F1", Satisfaction.UNSATISFIED,
                clock.instant(), ReporterFeedbackReceived.VERSION);

        intake.batch(List.of(unsatisfied, unsatisfied));

        assertThat(stored("CASE-F1").state()).isEqualTo(CaseState.REOPENED);
        assertThat(published).filteredOn(CaseReopened.class::isInstance).hasSize(1);
        assertThat(mongo.template().getCollection("cases").find().first().getList(Outbox.FIELD, Object.class)).isEmpty();
    }
}
