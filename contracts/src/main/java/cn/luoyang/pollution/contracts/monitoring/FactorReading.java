package cn.luoyang.pollution.contracts.monitoring;

/**
 * One factor of a reading, in the unit the device reports it in.
 *
 * @param factor the HJ 212 code: {@code a34002} PM10, {@code a34004} PM2.5, {@code a34001} TSP, {@code LA} noise
 * @param rtd    the real-time value ({@code -Rtd}), null in minute and hourly data
 * @param avg    the interval's average ({@code -Avg}), null in real-time data
 * @param min    the interval's minimum ({@code -Min}), null when not sent
 * @param max    the interval's maximum ({@code -Max}), null when not sent
 * @param flag   the device's data flag ({@code -Flag}): N normal, F stopped, M maintenance, S set by hand,
 *               D fault, C calibration, T over the measuring range, B communication fault; null when not sent
 */
public record FactorReading(String factor, Double rtd, Double avg, Double min, Double max, String flag) {
}
