package cn.luoyang.pollution.dispatch.registry;

/** A complaint tied to a registered source, and how far apart they are. */
public record SourceLink(PollutionSource source, double metres) {
}
