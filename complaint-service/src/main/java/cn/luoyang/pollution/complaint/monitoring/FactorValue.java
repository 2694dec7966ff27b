package cn.luoyang.pollution.complaint.monitoring;

/**
 * One factor's values in one reading ({@code -Rtd}, {@code -Avg}, {@code -Min}, {@code -Max}, {@code -Flag});
 * what the device did not send is null.
 */
public record FactorValue(Factor factor, Double rtd, Double avg, Double min, Double max, DataFlag flag) {
}
