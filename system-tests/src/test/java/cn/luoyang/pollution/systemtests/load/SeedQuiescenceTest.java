package cn.luoyang.pollution.systemtests.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SeedQuiescenceTest {

    @Test
    void aClosedLifecycleWithItsMessagesSentHasNoWorkLeft() {
        SeedLifecycles.closed("LY20261120-000001", Instant.parse("2026-11-20T12:00:00Z")).documents()
                .forEach(d -> assertThat(SeedQuiescence.pendingWork(d.document())).as(d.namespace()).isEmpty());
    }

    @Test
    void anEventWaitingInAnOutboxIsWorkLeft() {
        Document doc = new Document("_id", "CASE-1").append("outbox", List.of(new Document("eventId", "e1")));

        assertThat(SeedQuiescence.pendingWork(doc)).hasValue("outbox holds 1 event(s)");
    }

    @Test
    void aFlagARelaySweepsForIsWorkLeft() {
        assertThat(SeedQuiescence.pendingWork(new Document("outboxPending", true))).isPresent();
        assertThat(SeedQuiescence.pendingWork(new Document("eventPending", true))).isPresent();
        assertThat(SeedQuiescence.pendingWork(new Document("eventPending", false))).isEmpty();
    }

    @Test
    void aRunningClockOrAQueuedMessageIsWorkLeft() {
        assertThat(SeedQuiescence.pendingWork(new Document("clocks", new Document("nextDueAt", new Date()))))
                .hasValue("clocks.nextDueAt is set (a clock is running)");
        assertThat(SeedQuiescence.pendingWork(new Document("state", "QUEUED"))).hasValue("state is QUEUED");
        assertThat(SeedQuiescence.pendingWork(new Document("clocks", new Document("nextDueAt", null)))).isEmpty();
    }
}
