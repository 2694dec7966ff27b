package cn.luoyang.pollution.enforcement.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.MutableClock;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.cases.Unit;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.enforcement.clocks.scheduling.ClockScheduler;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two replicas' schedulers race over the same MongoDB; a third starts after a "restart"; one dies
 * holding a lease. Every reminder, overdue and escalation fires exactly once.
 */
class ClockSchedulerRaceTest {

    static final int CASES = 20;
    /** Per case by Tue 1 Dec 10:00 (Beijing): SIGN reminder, SIGN overdue, three escalations. */
    static final int TIMERS_PER_CASE = 5;

    final MongoFixture mongo = new MongoFixture();
    final MutableClock clock = new MutableClock(CaseMother.T0);

    @AfterEach
    void stop() {
        mongo.close();
    }

    ClockScheduler replica(String name) {
        MongoTemplate template = mongo.replica();
        MongoCases cases = new MongoCases(template, new EventCodec());
        CaseService service = new CaseService(cases, CaseMother.RULES, clock, id -> { },
                new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        return new ClockScheduler(template, service, clock, Duration.ofSeconds(30), name);
    }

    void openCases() {
        MongoCases cases = new MongoCases(mongo.replica(), new EventCodec());
        for (int i = 0; i < CASES; i++) {
            cases.save(CaseMother.dispatched("CASE-T" + i));
        }
        clock.set(LocalDateTime.parse("2026-12-01T10:00").atZone(cn.luoyang.pollution.enforcement.Rules.BEIJING).toInstant());
    }

    /**
     * Rectification orders due Mon 30 Nov 10:30 (RectificationClockTest); by Mon 7 Dec 12:00 each has a
     * reminder, overdue with its re-inspection, and three escalations due (the close clock's reminder comes 9 Dec).
     */
    void openRectificationOrders() {
        MongoCases cases = new MongoCases(mongo.replica(), new EventCodec());
        for (int i = 0; i < CASES; i++) {
            cases.save(CaseMother.inState("CASE-R" + i, CaseState.RECTIFICATION_ORDERED));
        }
        clock.set(LocalDateTime.parse("2026-12-07T12:00").atZone(cn.luoyang.pollution.enforcement.Rules.BEIJING).toInstant());
    }

    @Test
    void twoReplicasRacingFireEveryTimerExactlyOnceAndARestartedReplicaFiresNothingAgain() throws Exception {
        openCases();
        assertThat(twoReplicasRacing()).isEqualTo(CASES * TIMERS_PER_CASE);
        assertEachCaseFiredOnce();
        assertThat(replica("replica-c-after-restart").tick()).isZero();
        assertEachCaseFiredOnce();
    }

    @Test
    void replicaThatDiesHoldingALeaseOnlyDelaysThatCase() {
        openCases();
        ClockScheduler dying = replica("replica-dies");
        String claimed = dying.claimDue();
        assertThat(claimed).isNotNull();

        ClockScheduler survivor = replica("replica-survives");
        assertThat(survivor.tick()).isEqualTo((CASES - 1) * TIMERS_PER_CASE);
        clock.advance(Duration.ofSeconds(31));
        assertThat(survivor.tick()).isEqualTo(TIMERS_PER_CASE);
        assertEachCaseFiredOnce();
    }

    @Test
    void twoReplicasRacingOverRectificationOrdersFireEachOrdersTimersAndReinspectionOnce() throws Exception {
        openRectificationOrders();
        assertThat(twoReplicasRacing()).isEqualTo(CASES * TIMERS_PER_CASE);
        assertEachOrderFiredOnce();
        assertThat(replica("replica-c-after-restart").tick()).isZero();
        assertEachOrderFiredOnce();
    }

    /** Two replicas tick at the same moment over the same database; returns how many timers they fired together. */
    private int twoReplicasRacing() throws Exception {
        ClockScheduler a = replica("replica-a");
        ClockScheduler b = replica("replica-b");
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> firedByA = CompletableFuture.supplyAsync(() -> await(start, a::tick));
        CompletableFuture<Integer> firedByB = CompletableFuture.supplyAsync(() -> await(start, b::tick));
        start.countDown();
        return firedByA.get() + firedByB.get();
    }

    private void assertEachOrderFiredOnce() {
        MongoTemplate template = mongo.replica();
        MongoCases cases = new MongoCases(template, new EventCodec());
        for (int i = 0; i < CASES; i++) {
            Case c = cases.find("CASE-R" + i).orElseThrow();
            assertThat(c.rectificationChecks()).singleElement().satisfies(check -> assertThat(check.pending()).isTrue());
            List<Document> outbox = template.findById(c.id(), Document.class, "cases").getList("outbox", Document.class);
            // accepted, inspection started, rectification ordered (not relayed in this test), then the clock's
            assertThat(outbox).extracting(d -> d.getString("type")).containsExactly(
                    "case.accepted.v1", "case.inspected.v1", "case.rectification-ordered.v1",
                    "case.deadline-approaching.v1", "case.overdue.v1", "case.rectification-check-due.v1",
                    "case.escalated.v1", "case.escalated.v1", "case.escalated.v1");
            assertThat(c.history().entries()).filteredOn(h -> h.actor().role().equals("SYSTEM"))
                    .extracting(HistoryEntry::action).containsExactly("DISPATCHED", "DEADLINE_REMINDER", "OVERDUE",
                            "RECTIFICATION_CHECK_DUE", "ESCALATED", "ESCALATED", "ESCALATED");
        }
    }

    private void assertEachCaseFiredOnce() {
        MongoTemplate template = mongo.replica();
        MongoCases cases = new MongoCases(template, new EventCodec());
        for (int i = 0; i < CASES; i++) {
            Case c = cases.find("CASE-T" + i).orElseThrow();
            Map<String, Long> actions = c.history().entries().stream()
                    .collect(Collectors.groupingBy(HistoryEntry::action, Collectors.counting()));
            assertThat(actions).containsEntry("DEADLINE_REMINDER", 1L).containsEntry("OVERDUE", 1L).containsEntry("ESCALATED", 3L);
            List<Document> outbox = template.findById(c.id(), Document.class, "cases").getList("outbox", Document.class);
            assertThat(outbox).extracting(d -> d.getString("type")).containsExactly("case.deadline-approaching.v1", "case.overdue.v1",
                    "case.escalated.v1", "case.escalated.v1", "case.escalated.v1");
        }
    }

    private static int await(CountDownLatch start, java.util.function.IntSupplier work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return work.getAsInt();
    }
}
