package cn.luoyang.pollution.complaint.monitoring;

import java.time.Instant;
import java.util.List;

/** What one monitor measured at one time, for the factors this receiver knows. */
public record Reading(String mn, ReadingInterval interval, Instant dataTime, List<FactorValue> values) {

    public Reading {
        values = List.copyOf(values);
    }
}
