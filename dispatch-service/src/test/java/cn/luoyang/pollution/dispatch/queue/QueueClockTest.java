package cn.luoyang.pollution.dispatch.queue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.QueuedComplaintEscalated;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.ManualAssignment;
import cn.luoyang.pollution.dispatch.dispatching.persistence.MongoDecisions;
import cn.luoyang.pollution.dispatch.queue.persistence.MongoQueueClocks;
import cn.luoyang.pollution.dispatch.support.MovableClock;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.testing.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The manual queue's clock (人工分派时限) over one embedded MongoDB shared by two instances (two
 * driver clients, one clock moved by the test), each with the kit's outbox relay on
 * {@code queue_clocks} over a recording sink: a complaint waiting past the limit is escalated to the
 * campaign office exactly once, whichever instances tick, however often, and after a failed publication.
 */
class QueueClockTest {

    private static final Duration LIMIT = Duration.ofHours(4);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final EventCodec CODEC = new EventCodec();

    private final MongoServer server = EmbeddedMongo.inMemory();
    private final int port = bound(server);
    private final MongoClient clientA = MongoClients.create("mongodb://127.0.0.1:" + port);
    private final MongoClient clientB = MongoClients.create("mongodb://127.0.0.1:" + port);
    private final MongoTemplate mongoA = new MongoTemplate(clientA, "dispatch");
    private final MongoTemplate mongoB = new MongoTemplate(clientB, "dispatch");
    private final World world = new World();
    private final MovableClock clock = new MovableClock(World.MORNING, World.CITY);
    private final List<Event> published = new CopyOnWriteArrayList<>();

    private static int bound(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        clientA.close();
        clientB.close();
        server.shutdownNow();
    }

    private QueueClock instance(MongoTemplate mongo, Consumer<Event> sink) {
        return new QueueClock(new MongoDecisions(mongo, CODEC), new MongoQueueClocks(mongo, CODEC), relay(mongo, sink)::publishSoon,
                clock, LIMIT, () -> UUID.randomUUID().toString());
    }

    private OutboxRelay relay(MongoTemplate mongo, Consumer<Event> sink) {
        return new OutboxRelay(mongo, MongoQueueClocks.COLLECTION, new Outbox(CODEC), (topic, event) -> {
            assertThat(topic).isEqualTo(Topics.CASES_DISPATCHED);
            sink.accept(event);
        }, clock, LEASE);
    }

    /** A complaint no rule can route ("城关镇" names townships in several districts), queued now. */
    private DecisionRecord queued(String id) {
        world.desk.registered(world.registered(id, "AIR_OPEN_BBQ", null, "城关镇北街", World.MORNING));
        DecisionRecord d = world.decisions.byId.get(id);
        DecisionRecord at = new DecisionRecord(d.id(), d.trackingNumber(), d.category(), d.location(), d.addressText(),
                d.reportedAt(), d.outcome(), d.caseId(), d.reason(), d.detail(), d.candidates(), d.trace(), d.dispatched(),
                d.merged(), d.failed(), d.assignment(), clock.instant());
        new MongoDecisions(mongoA, CODEC).insert(at, at.failed());
        return at;
    }

    @Test
    void aComplaintWaitingPastTheLimitIsEscalatedOnceAcrossTwoInstancesTickingAtOnce() throws Exception {
        DecisionRecord waiting = queued("c1");
        QueueClock a = instance(mongoA, published::add);
        QueueClock b = instance(mongoB, published::add);

        clock.advance(LIMIT.minusMinutes(1));
        assertThat(a.tick() + b.tick()).isZero();

        clock.advance(Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Integer> byA = pool.submit(() -> {
                together.await();
                return a.tick();
            });
            Future<Integer> byB = pool.submit(() -> {
                together.await();
                return b.tick();
            });
            assertThat(byA.get() + byB.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        clock.advance(Duration.ofHours(30));
        QueueClock restarted = instance(mongoB, published::add);
        assertThat(a.tick() + b.tick() + restarted.tick()).isZero();

        assertThat(published).hasSize(1);
        QueuedComplaintEscalated escalated = (QueuedComplaintEscalated) published.get(0);
        assertThat(escalated.complaintId()).isEqualTo("c1");
        assertThat(escalated.trackingNumber()).isEqualTo(waiting.trackingNumber());
        assertThat(escalated.reason()).isEqualTo(waiting.reason());
        assertThat(escalated.level()).isEqualTo("CAMPAIGN_OFFICE");
        assertThat(escalated.queuedAt()).isEqualTo(World.MORNING);
        assertThat(escalated.limitHours()).isEqualTo(4);
        assertThat(escalated.occurredAt()).isEqualTo(World.MORNING.plus(LIMIT));
    }

    @Test
    void aComplaintAssignedBeforeItsLimitIsNeverEscalated() {
        DecisionRecord waiting = queued("c1");
        queued("c2");
        CaseDispatched byHand = new CaseDispatched("ev-hand", "CASE-" + waiting.trackingNumber(), waiting.id(),
                waiting.trackingNumber(), waiting.category(), null, null, "URBAN_MANAGEMENT", List.of(), Level.DISTRICT, Priority.ROUTINE,
                "STANDARD", null, "MANUAL", 0, 1, false, List.of(), clock.instant(), CaseDispatched.VERSION);
        assertThat(new MongoDecisions(mongoA, CODEC).assign(waiting.assigned(new ManualAssignment("410305", null, null,
                "URBAN_MANAGEMENT", List.of(), "DISTRICT", "ROUTINE", "STANDARD", "campaign", null), byHand), byHand)).isTrue();
        clock.advance(LIMIT);

        assertThat(instance(mongoA, published::add).tick()).isEqualTo(1);

        assertThat(published).extracting(e -> ((QueuedComplaintEscalated) e).complaintId()).containsExactly("c2");
    }

    @Test
    void anEscalationWhosePublicationFailedIsPublishedByAnotherInstancesSweepWithTheSameEventId() {
        queued("c1");
        List<Event> triedByA = new CopyOnWriteArrayList<>();
        QueueClock failing = instance(mongoA, event -> {
            triedByA.add(event);
            throw new IllegalStateException("broker unreachable");
        });
        QueueClock b = instance(mongoB, published::add);
        OutboxRelay sweepOfB = relay(mongoB, published::add);
        clock.advance(LIMIT);

        assertThat(failing.tick()).isEqualTo(1);
        assertThat(triedByA).hasSize(1);
        assertThat(published).isEmpty();
        assertThat(b.tick()).isZero();

        assertThat(sweepOfB.sweep()).isEqualTo(1);
        assertThat(sweepOfB.sweep()).isZero();

        assertThat(published).hasSize(1);
        assertThat(published.get(0).eventId()).isEqualTo(triedByA.get(0).eventId());
        assertThat(published.get(0).occurredAt()).isEqualTo(World.MORNING.plus(LIMIT));
    }
}
