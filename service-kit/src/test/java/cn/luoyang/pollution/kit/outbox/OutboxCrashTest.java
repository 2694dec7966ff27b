package cn.luoyang.pollution.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.kit.InMemoryMongo;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The kit's outbox over the embedded MongoDB server, with the broker replaced by a recording
 * {@link EventSink} (the services' own tests publish through a real broker). Three ways an
 * instance can stop: before publishing, in the middle of publishing (its lease still held), and
 * not at all while others race it; in each, every stored event reaches the broker, and an event is
 * published twice only after the instance that held it stopped, with the same event id.
 */
class OutboxCrashTest {

    static final String COLLECTION = "things";
    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration GRACE = Duration.ofSeconds(5);

    final InMemoryMongo server = new InMemoryMongo("kit");
    final MongoTemplate mongo = server.template();
    final Outbox outbox = new Outbox(new EventCodec());
    final AtomicReference<Instant> now = new AtomicReference<>(T0);
    final List<String> published = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_instance_that_stops_after_storing_leaves_its_events_to_another_instance_s_sweep_once_they_are_due() {
        store("A-1", event("A-1", 1), event("A-1", 2));
        OutboxRelay other = relay(recording());

        assertThat(other.sweep()).as("still the writer's to publish").isZero();
        now.set(T0.plus(GRACE));
        assertThat(other.sweep()).isEqualTo(2);

        assertThat(published).containsExactly("A-1/1", "A-1/2");
        assertThat(pending("A-1")).isEmpty();
        assertThat(other.sweep()).as("nothing left").isZero();
    }

    @Test
    void an_instance_that_stops_while_publishing_holds_the_document_until_its_lease_ends_then_the_event_goes_out_again_with_its_id()
            throws Exception {
        store("B-1", event("B-1", 1));
        now.set(T0.plus(GRACE));
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        OutboxRelay stuck = relay((topic, event) -> {
            published.add(label(event));
            sending.countDown();
            await(never); // the broker took it; the process stops before the entry is removed
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> dying = pool.submit(() -> stuck.publishSoon("B-1"));
            assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
            OutboxRelay other = relay(recording());

            assertThat(other.sweep()).as("the lease is live").isZero();
            assertThat(published).containsExactly("B-1/1");

            now.set(T0.plus(GRACE).plus(LEASE).plusSeconds(1));
            assertThat(other.sweep()).isEqualTo(1);
            assertThat(published).as("again, with the same event id, which consumers recognise").containsExactly("B-1/1", "B-1/1");
            assertThat(pending("B-1")).isEmpty();

            never.countDown();
            dying.get(10, TimeUnit.SECONDS);
            assertThat(pending("B-1")).isEmpty();
            assertThat(mongo.findById("B-1", Document.class, COLLECTION)).doesNotContainKeys("outboxLeaseUntil", "outboxLeaseOwner");
        } finally {
            never.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void instances_sweeping_at_once_publish_each_event_once_in_each_document_s_order() throws Exception {
        int documents = 40;
        for (int d = 0; d < documents; d++) {
            store("C-" + d, event("C-" + d, 1), event("C-" + d, 2), event("C-" + d, 3));
        }
        now.set(T0.plus(GRACE));
        List<OutboxRelay> instances = List.of(relay(recording()), relay(recording()), relay(recording()));
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sweeps = new ArrayList<>();
            for (OutboxRelay relay : instances) {
                sweeps.add(pool.submit(() -> {
                    await(go);
                    return relay.sweep();
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> sweep : sweeps) {
                total += sweep.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(documents * 3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(published).hasSize(documents * 3).doesNotHaveDuplicates();
        for (int d = 0; d < documents; d++) {
            String id = "C-" + d;
            assertThat(published.stream().filter(p -> p.startsWith(id + "/")).toList()).containsExactly(id + "/1", id + "/2", id + "/3");
            assertThat(pending(id)).isEmpty();
        }
    }

    @Test
    void a_broker_that_refuses_leaves_the_rest_of_the_document_in_order_for_the_next_sweep() {
        store("D-1", event("D-1", 1), event("D-1", 2));
        now.set(T0.plus(GRACE));
        OutboxRelay failing = relay((topic, event) -> {
            if (label(event).endsWith("/2")) {
                throw new IllegalStateException("broker away");
            }
            published.add(label(event));
        });

        failing.publishSoon("D-1");

        assertThat(published).containsExactly("D-1/1");
        assertThat(pending("D-1")).containsExactly("D-1/2");
        assertThat(relay(recording()).sweep()).as("the lease was given up").isEqualTo(1);
        assertThat(published).containsExactly("D-1/1", "D-1/2");
    }

    @Test
    void a_batch_published_at_once_goes_out_in_each_document_s_order_and_leaves_a_document_another_instance_holds_to_it()
            throws Exception {
        store("E-1", event("E-1", 1), event("E-1", 2));
        store("E-2", event("E-2", 1));
        store("E-3", event("E-3", 1));
        mongo.insert(new Document("_id", "E-4").append("state", "ACCEPTED"), COLLECTION); // nothing to announce
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        OutboxRelay holder = relay((topic, event) -> {
            holding.countDown();
            await(never); // another instance is publishing E-3 and has not finished
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> holder.publishSoon("E-3"));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            relay(recording()).publishSoon(List.of("E-1", "E-2", "E-3", "E-4"));

            assertThat(published).containsExactly("E-1/1", "E-1/2", "E-2/1");
            assertThat(pending("E-1")).isEmpty();
            assertThat(pending("E-2")).isEmpty();
            assertThat(pending("E-3")).as("its holder's to publish").containsExactly("E-3/1");
            for (String id : List.of("E-1", "E-2")) {
                assertThat(mongo.findById(id, Document.class, COLLECTION)).doesNotContainKeys("outboxLeaseUntil", "outboxLeaseOwner");
            }
        } finally {
            never.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void a_broker_that_refuses_in_the_middle_of_a_batch_leaves_the_rest_to_the_next_sweep_with_every_lease_given_up() {
        store("F-1", event("F-1", 1));
        store("F-2", event("F-2", 1), event("F-2", 2));
        store("F-3", event("F-3", 1));
        now.set(T0.plus(GRACE));
        OutboxRelay failing = relay((topic, event) -> {
            if (label(event).equals("F-2/2")) {
                throw new IllegalStateException("broker away");
            }
            published.add(label(event));
        });

        failing.publishSoon(List.of("F-1", "F-2", "F-3"));

        List<String> first = List.copyOf(published);
        assertThat(first).contains("F-2/1").doesNotContain("F-2/2");
        assertThat(relay(recording()).sweep()).as("no lease left behind").isEqualTo(4 - first.size());
        assertThat(published).hasSize(4).doesNotHaveDuplicates();
        assertThat(published.stream().filter(p -> p.startsWith("F-2/")).toList()).containsExactly("F-2/1", "F-2/2");
    }

    @Test
    void a_sink_that_sends_a_batch_at_once_and_has_one_entry_refused_removes_exactly_the_acknowledged_ones() {
        store("G-1", event("G-1", 1), event("G-1", 2), event("G-1", 3));
        store("G-2", event("G-2", 1));
        now.set(T0.plus(GRACE));
        OutboxRelay pipelined = relay(new EventSink() {
            @Override
            public void publish(String topic, Event event) {
                throw new AssertionError("the relay hands its entries over together");
            }

            @Override
            public void publishAll(List<OutboxEntry> entries, java.util.function.Consumer<OutboxEntry> acknowledged) {
                for (OutboxEntry entry : entries) { // all sent before any answer; G-1/2 is refused
                    if (!entry.eventId().equals("G-1/2")) {
                        published.add(entry.eventId());
                        acknowledged.accept(entry);
                    }
                }
                throw new IllegalStateException("broker did not take G-1/2");
            }
        });

        pipelined.publishSoon(List.of("G-1", "G-2"));

        assertThat(published).containsExactly("G-1/1", "G-1/3", "G-2/1");
        assertThat(pending("G-1")).containsExactly("G-1/2");
        assertThat(pending("G-2")).isEmpty();
        assertThat(relay(recording()).sweep()).as("no lease left behind").isEqualTo(1);
        assertThat(published).containsExactly("G-1/1", "G-1/3", "G-2/1", "G-1/2");
    }

    private OutboxRelay relay(EventSink sink) {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        return new OutboxRelay(mongo, COLLECTION, outbox, sink, clock, LEASE);
    }

    private EventSink recording() {
        return (topic, event) -> {
            assertThat(topic).isEqualTo("cases.lifecycle");
            published.add(label(event));
        };
    }

    /** What a store does: the document and its entries in one write. */
    private void store(String id, Event... events) {
        List<OutboxEntry> entries = java.util.Arrays.stream(events)
                .map(e -> new OutboxEntry(e, "cases.lifecycle", now.get().plus(GRACE))).toList();
        mongo.insert(new Document("_id", id).append("state", "ACCEPTED").append(Outbox.FIELD, outbox.documents(entries)), COLLECTION);
    }

    private List<String> pending(String id) {
        return mongo.findById(id, Document.class, COLLECTION).getList(Outbox.FIELD, Document.class).stream()
                .map(d -> d.getString("eventId")).toList();
    }

    private static CaseAccepted event(String caseId, int n) {
        return new CaseAccepted(caseId + "/" + n, caseId, "HJJ", new Actor("zj", "HANDLER", "HJJ@410305"), T0, CaseAccepted.VERSION);
    }

    private static String label(Event event) {
        return event.eventId();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
