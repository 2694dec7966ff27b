package cn.luoyang.pollution.contracts.monitoring;

import java.time.Instant;

/**
 * The average of one factor over one window of a monitor's readings, as a fault rule saw it.
 *
 * @param start   the window's start (inclusive)
 * @param end     its end (exclusive)
 * @param average the mean of the readings in the window
 * @param max     the largest of them
 * @param count   how many readings were in the window
 */
public record WindowAverage(Instant start, Instant end, double average, double max, long count) {
}
