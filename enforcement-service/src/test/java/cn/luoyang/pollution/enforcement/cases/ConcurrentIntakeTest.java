package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.MutableClock;
import cn.luoyang.pollution.enforcement.cases.application.CaseIntake;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.EventSink;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * With four consumer threads per binding (and more replicas), deliveries of one case can still
 * meet: a redelivery racing the original, a second replica after a rebalance. Against the embedded
 * MongoDB, whatever the interleaving: one case, one DISPATCHED entry, one running clock per name,
 * each merged complaint once, each outbox event published once.
 */
class ConcurrentIntakeTest {

    static final int THREADS = 8;
    static final Officer HANDLER = new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null);

    final MongoFixture mongo = new MongoFixture();
    final MutableClock clock = new MutableClock(CaseMother.T0);
    final List<Event> published = Collections.synchronizedList(new ArrayList<>());
    final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        mongo.close();
    }

    /** One "replica": its own connection pool, store, relay and intake. */
    record Replica(MongoTemplate template, MongoCases cases, OutboxRelay relay, CaseService service, CaseIntake intake) { }

    Replica replica() {
        MongoTemplate template = mongo.replica();
        MongoCases cases = new MongoCases(template, new EventCodec());
        EventSink publisher = (topic, event) -> published.add(event);
        OutboxRelay relay = new OutboxRelay(template, "cases", new Outbox(new EventCodec()), publisher, clock, Duration.ofSeconds(30));
        CaseService service = new CaseService(cases, CaseMother.RULES, clock, relay::publishSoon,
                new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        return new Replica(template, cases, relay, service, new CaseIntake(cases, CaseMother.RULES, clock, service, relay::publishSoon));
    }

    /** Runs every task at once; a task losing an optimistic race is redelivered, as the binder would. */
    void allAtOnce(List<Runnable> deliveries) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> done = new ArrayList<>();
        for (Runnable delivery : deliveries) {
            Callable<Object> task = () -> {
                start.await();
                for (int attempt = 1; ; attempt++) {
                    try {
                        delivery.run();
                        return null;
                    } catch (Cases.ConcurrentCaseUpdate lost) {
                        if (attempt == 20) {
                            throw lost;
                        }
                    }
                }
            };
            done.add(pool.submit(task));
        }
        start.countDown();
        for (Future<Object> f : done) {
            f.get();
        }
    }

    @Test
    void theSameDispatchDeliveredEightTimesAtOnceOpensOneCaseWithOneClockPerName() throws Exception {
        Replica a = replica();
        Replica b = replica();
        CaseDispatched dispatched = Dispatches.routine("CASE-C1", "URBAN_MANAGEMENT", "410305");
        List<Runnable> deliveries = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            CaseIntake intake = i % 2 == 0 ? a.intake() : b.intake();
            deliveries.add(() -> intake.dispatched(dispatched));
        }

        allAtOnce(deliveries);

        assertThat(a.template().count(new org.springframework.data.mongodb.core.query.Query(), "cases")).isEqualTo(1);
        Case stored = a.cases().find("CASE-C1").orElseThrow();
        assertThat(stored.history().entries()).extracting(HistoryEntry::action).containsExactly("DISPATCHED");
        assertThat(stored.clocks().all().stream().filter(RunningClock::running).map(RunningClock::name))
                .doesNotHaveDuplicates().contains(ClockName.CLOSE);
        assertThat(stored.history().verify()).isTrue();
    }

    @Test
    void mergesRacingIntoOneCaseFromTwoReplicasAddEachComplaintOnceAndRedeliveriesNothing() throws Exception {
        Replica a = replica();
        Replica b = replica();
        a.intake().dispatched(Dispatches.routine("CASE-C2", "URBAN_MANAGEMENT", "410305"));
        List<Runnable> deliveries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var merged = Dispatches.merged("CASE-C2", "cmp-co-" + i);
            deliveries.add(() -> a.intake().merged(merged));
            deliveries.add(() -> b.intake().merged(merged)); // the same record delivered again elsewhere
        }

        allAtOnce(deliveries);

        Case stored = a.cases().find("CASE-C2").orElseThrow();
        assertThat(stored.complaintIdSet()).hasSize(13);
        assertThat(stored.history().entries()).filteredOn(e -> !e.action().equals("DISPATCHED")).hasSize(12);
        assertThat(stored.history().verify()).isTrue();
    }

    @Test
    void racingRelaysPublishEachEventOnceAndLeaveNoOutboxPending() throws Exception {
        Replica a = replica();
        Replica b = replica();
        for (int i = 0; i < 10; i++) {
            a.intake().dispatched(Dispatches.routine("CASE-R" + i, "URBAN_MANAGEMENT", "410305"));
        }
        // ten cases with a stored but unpublished event each (the process "died" before publishing)
        CaseService crashing = new CaseService(a.cases(), CaseMother.RULES, clock, id -> { },
                new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        for (int i = 0; i < 10; i++) {
            crashing.accept(HANDLER, "CASE-R" + i, null);
        }
        List<Runnable> sweeps = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            OutboxRelay relay = i % 2 == 0 ? a.relay() : b.relay();
            sweeps.add(relay::sweep);
        }

        allAtOnce(sweeps);

        assertThat(published).extracting(Event::eventId).doesNotHaveDuplicates().hasSize(10);
        assertThat(a.template().find(new org.springframework.data.mongodb.core.query.Query(), Document.class, "cases"))
                .allSatisfy(d -> {
                    assertThat(d.getList("outbox", Document.class)).isEmpty();
                    assertThat(d).as("lease given up").doesNotContainKeys("outboxLeaseUntil", "outboxLeaseOwner");
                });
    }

    @Test
    void anEventSavedWhileTheRelayHoldsTheLeaseStaysPendingForTheNextSweep() {
        Replica a = replica();
        a.intake().dispatched(Dispatches.routine("CASE-L1", "URBAN_MANAGEMENT", "410305"));
        CaseService quiet = new CaseService(a.cases(), CaseMother.RULES, clock, id -> { },
                new ReinspectionSampling(0, () -> 1, Unit.parse("ECOLOGY_ENVIRONMENT@410300"), Unit.parse("URBAN_MANAGEMENT@410300")));
        quiet.accept(HANDLER, "CASE-L1", null);
        EventSink savingMeanwhile = (topic, event) -> {
            published.add(event);
            if (published.size() == 1) { // a handler saves the next step while the relay is publishing
                quiet.requestClosure(HANDLER, "CASE-L1", null, "经核查，问题已处理。", List.of(), CaseMother.record(clock.instant()));
            }
        };
        OutboxRelay relay = new OutboxRelay(a.template(), "cases", new Outbox(new EventCodec()), savingMeanwhile, clock, Duration.ofSeconds(30));

        assertThat(relay.sweep()).isEqualTo(2);
        assertThat(relay.sweep()).isZero();
        assertThat(published).extracting(e -> e.getClass().getSimpleName()).containsExactly("CaseAccepted", "ClosureRequested");
        Document stored = a.template().findById("CASE-L1", Document.class, "cases");
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
    }
}
