package cn.luoyang.pollution.enforcement.instances;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.enforcement.EnforcementServiceApplication;
import cn.luoyang.pollution.enforcement.MutableClock;
import cn.luoyang.pollution.enforcement.Rules;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseMother;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances of enforcement-service, as a city runs it: this test's application (A) and a second,
 * separately started one (B) on the same KRaft broker and the same MongoDB, sharing one movable
 * clock. Both run their clock tick and their outbox sweep every 100 ms over the same due cases:
 * every reminder, overdue notice and escalation fires once, and each event reaches the broker once.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {TwoInstancesTest.SWEEP, TwoInstancesTest.TICK, TwoInstancesTest.QUICK_STOP,
        TwoInstancesTest.QUICK_SERVER_STOP})
class TwoInstancesTest {

    static final String SWEEP = "enforcement.outbox.sweep-interval=100ms";
    static final String TICK = "enforcement.clocks.poll-interval=100ms";
    static final String QUICK_STOP = "spring.lifecycle.timeout-per-shutdown-phase=2s";
    static final String QUICK_SERVER_STOP = "server.shutdown=immediate";
    static final MutableClock CLOCK = new MutableClock(CaseMother.T0);
    private static final int CASES = 20;

    /** The one clock of both instances (each instance's own beans, the same time). */
    @TestConfiguration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Value("${spring.mongodb.uri}")
    String mongoUri;

    private ConfigurableApplicationContext instanceB;

    @BeforeAll
    void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(EnforcementServiceApplication.class, SharedClock.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.cloud.stream.kafka.binder.brokers=" + brokers,
                "--" + SWEEP, "--" + TICK, "--" + QUICK_STOP, "--" + QUICK_SERVER_STOP);
    }

    @AfterAll
    void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void bothInstancesTickingTheSameDueClocksFireEachTimerOnceAndPublishEachEventOnce() throws Exception {
        MongoCases cases = new MongoCases(mongo, new EventCodec());
        List<String> ids = IntStream.range(0, CASES).mapToObj(i -> "CASE-TWO" + i).toList();
        ids.forEach(id -> cases.save(CaseMother.dispatched(id)));
        // by Tue 1 Dec 10:00 (Beijing) each case owes a SIGN reminder, a SIGN overdue and three escalations
        CLOCK.set(LocalDateTime.parse("2026-12-01T10:00").atZone(Rules.BEIJING).toInstant());

        long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < end && !(allFired(cases, ids) && outboxesEmpty(ids))) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // a tick or sweep that would fire or publish again has had five turns meanwhile
        for (String id : ids) {
            Case c = cases.find(id).orElseThrow();
            Map<String, Long> actions = c.history().entries().stream()
                    .collect(Collectors.groupingBy(HistoryEntry::action, Collectors.counting()));
            assertThat(actions).as(id).containsEntry("DEADLINE_REMINDER", 1L).containsEntry("OVERDUE", 1L)
                    .containsEntry("ESCALATED", 3L);
        }
        assertThat(outboxesEmpty(ids)).isTrue();
        try (TopicProbe lifecycle = new TopicProbe(brokers, Topics.CASES_LIFECYCLE)) {
            List<ConsumerRecord<String, byte[]>> ours = lifecycle.await(Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .filter(r -> ids.contains(r.key())).toList();
            Map<String, Long> copies = ours.stream()
                    .collect(Collectors.groupingBy(r -> TopicProbe.header(r, CloudEventHeaders.ID), Collectors.counting()));
            assertThat(copies.values()).as("copies of each event").containsOnly(1L);
            for (String id : ids) {
                assertThat(ours).filteredOn(r -> id.equals(r.key())).extracting(r -> TopicProbe.header(r, CloudEventHeaders.TYPE))
                        .as(id).containsOnlyOnce("case.deadline-approaching.v1", "case.overdue.v1")
                        .filteredOn("case.escalated.v1"::equals).hasSize(3);
            }
        }
    }

    private static boolean allFired(MongoCases cases, List<String> ids) {
        return ids.stream().allMatch(id -> cases.find(id).orElseThrow().history().entries().stream()
                .filter(e -> e.action().equals("ESCALATED")).count() >= 3);
    }

    private boolean outboxesEmpty(List<String> ids) {
        return mongo.count(Query.query(Criteria.where("_id").in(ids).and("outbox.0").exists(true)), "cases") == 0;
    }
}
