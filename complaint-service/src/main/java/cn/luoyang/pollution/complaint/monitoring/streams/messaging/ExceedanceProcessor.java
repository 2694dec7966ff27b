package cn.luoyang.pollution.complaint.monitoring.streams.messaging;

import cn.luoyang.pollution.complaint.monitoring.streams.FaultRule;
import cn.luoyang.pollution.complaint.monitoring.streams.Faults;
import cn.luoyang.pollution.complaint.monitoring.streams.Streak;
import cn.luoyang.pollution.complaint.monitoring.streams.WindowSum;
import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Takes each closed window of one rule, keeps the monitor's {@link Streak} in a store, and emits what changed. */
final class ExceedanceProcessor implements Processor<Windowed<String>, WindowSum, String, byte[]> {

    private final FaultRule rule;
    private final FaultRecords records;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, Streak> streaks;

    ExceedanceProcessor(FaultRule rule, FaultRecords records) {
        this.rule = rule;
        this.records = records;
    }

    static String storeOf(FaultRule rule) {
        return "streak-" + rule.id();
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.streaks = context.getStateStore(storeOf(rule));
    }

    @Override
    public void process(Record<Windowed<String>, WindowSum> record) {
        String mn = record.key().key();
        WindowSum sum = record.value();
        if (sum == null || sum.count() == 0) {
            return;
        }
        var window = sum.average(record.key().window().startTime(), record.key().window().endTime());
        Streak before = streaks.get(mn);
        Streak.Step step = (before == null ? Streak.none() : before).next(window, rule);
        streaks.put(mn, step.streak());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        Event event = switch (step.change()) {
            case DETECTED -> Faults.exceeded(mn, rule, step.streak().over(), sum, now);
            case CLEARED -> Faults.underLimit(mn, rule, step.streak().clean(), sum, now);
            case NONE -> null;
        };
        if (event != null) {
            context.forward(records.of(event, window.end()));
        }
    }
}
