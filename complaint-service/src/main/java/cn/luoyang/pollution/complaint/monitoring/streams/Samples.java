package cn.luoyang.pollution.complaint.monitoring.streams;

import java.util.List;

/** The samples one reading gives one rule (possibly none). */
public record Samples(List<Sample> values) {
}
