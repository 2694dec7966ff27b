package cn.luoyang.pollution.dispatch.duplicates;

/** The open case a complaint joins, and how close they are in space and time. */
public record MergeTarget(OpenCase openCase, double metres, long minutesApart) {
}
