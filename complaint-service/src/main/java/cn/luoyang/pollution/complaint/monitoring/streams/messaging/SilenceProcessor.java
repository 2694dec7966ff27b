package cn.luoyang.pollution.complaint.monitoring.streams.messaging;

import cn.luoyang.pollution.complaint.monitoring.streams.FaultRule;
import cn.luoyang.pollution.complaint.monitoring.streams.Faults;
import cn.luoyang.pollution.complaint.monitoring.streams.LastSeen;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Remembers when each monitor was last heard from and, on a wall-clock punctuation, finds those silent for
 * longer than the OFFLINE rule allows (one fault per silence); the next reading of such a monitor clears it.
 * After a start, silence is counted from the start at the earliest, so downtime of this service is no fault.
 */
final class SilenceProcessor implements Processor<String, MonitorReadingReceived, String, byte[]> {

    static final String STORE = "last-seen";

    private final FaultRule rule;
    private final Duration sweepEvery;
    private final FaultRecords records;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, LastSeen> lastSeen;
    private Instant startedAt;

    SilenceProcessor(FaultRule rule, Duration sweepEvery, FaultRecords records) {
        this.rule = rule;
        this.sweepEvery = sweepEvery;
        this.records = records;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.lastSeen = context.getStateStore(STORE);
        this.startedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
        context.schedule(sweepEvery, PunctuationType.WALL_CLOCK_TIME, at -> sweep(Instant.ofEpochMilli(at)));
    }

    @Override
    public void process(Record<String, MonitorReadingReceived> record) {
        MonitorReadingReceived reading = record.value();
        if (reading == null || record.key() == null) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        LastSeen before = lastSeen.get(record.key());
        if (before != null && before.offline()) {
            context.forward(records.of(Faults.reporting(record.key(), rule, before, reading.dataTime(), now), now));
        }
        Instant latest = before == null || reading.dataTime().isAfter(before.lastReadingAt())
                ? reading.dataTime() : before.lastReadingAt();
        lastSeen.put(record.key(), new LastSeen(reading.sourceId(), reading.responsibleUnit(), latest, now, false));
    }

    private void sweep(Instant now) {
        List<KeyValue<String, LastSeen>> silent = new ArrayList<>();
        try (KeyValueIterator<String, LastSeen> all = lastSeen.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && entry.value.silentAt(now, rule.window(), startedAt)) {
                    silent.add(entry);
                }
            });
        }
        for (KeyValue<String, LastSeen> entry : silent) {
            LastSeen seen = entry.value;
            lastSeen.put(entry.key, new LastSeen(seen.sourceId(), seen.responsibleUnit(), seen.lastReadingAt(),
                    seen.seenAt(), true));
            context.forward(records.of(Faults.silent(entry.key, rule, seen, now), now));
        }
    }
}
