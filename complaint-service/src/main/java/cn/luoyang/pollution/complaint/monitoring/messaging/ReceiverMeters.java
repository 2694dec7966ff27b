package cn.luoyang.pollution.complaint.monitoring.messaging;

import cn.luoyang.pollution.complaint.monitoring.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The receiver's counters: {@code monitoring.packets.refused{reason}}, {@code monitoring.readings.accepted},
 * {@code monitoring.readings.unpublished}, {@code monitoring.connections.dropped{reason}} and the gauge
 * {@code monitoring.connections.open}.
 */
public final class ReceiverMeters {

    private final MeterRegistry registry;
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
    private final Counter accepted;
    private final Counter unpublished;
    private final AtomicInteger open = new AtomicInteger();

    public ReceiverMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Refusal reason : Refusal.values()) {
            refused.put(reason, Counter.builder("monitoring.packets.refused").tag("reason", reason.tag())
                    .description("HJ 212 packets refused, by reason").register(registry));
        }
        accepted = Counter.builder("monitoring.readings.accepted")
                .description("readings accepted and stored on the broker").register(registry);
        unpublished = Counter.builder("monitoring.readings.unpublished")
                .description("readings the broker did not take (not acknowledged: the device sends again)").register(registry);
        registry.gauge("monitoring.connections.open", open);
    }

    void refused(Refusal reason) {
        refused.get(reason).increment();
    }

    void accepted() {
        accepted.increment();
    }

    void unpublished() {
        unpublished.increment();
    }

    void dropped(String reason) {
        registry.counter("monitoring.connections.dropped", "reason", reason).increment();
    }

    int opened() {
        return open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }
}
