package cn.luoyang.pollution.contracts.dispatch;

/** One step of a dispatch decision's reasoning, e.g. {@code territory: point in 410305 涧西区 polygon}. */
public record TraceStep(String step, String detail) {
}
