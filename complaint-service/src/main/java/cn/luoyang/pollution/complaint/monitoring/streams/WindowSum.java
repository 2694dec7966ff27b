package cn.luoyang.pollution.complaint.monitoring.streams;

import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import java.time.Instant;

/**
 * The running sum of one window's samples of one monitor and rule (the windowed aggregate's state); a window
 * may have none (readings without the rule's factor still enter it), and then its max is meaningless.
 */
public record WindowSum(double sum, double max, long count, String sourceId, String responsibleUnit, Instant lastReadingAt) {

    public static WindowSum empty() {
        return new WindowSum(0, 0, 0, null, null, null);
    }

    public WindowSum add(Samples samples) {
        WindowSum sum = this;
        for (Sample s : samples.values()) {
            sum = sum.add(s);
        }
        return sum;
    }

    private WindowSum add(Sample s) {
        Instant last = lastReadingAt == null || s.dataTime().isAfter(lastReadingAt) ? s.dataTime() : lastReadingAt;
        return new WindowSum(sum + s.value(), count == 0 ? s.value() : Math.max(max, s.value()), count + 1, s.sourceId(), s.responsibleUnit(), last);
    }

    public WindowAverage average(Instant start, Instant end) {
        return new WindowAverage(start, end, count == 0 ? 0 : sum / count, max, count);
    }
}
