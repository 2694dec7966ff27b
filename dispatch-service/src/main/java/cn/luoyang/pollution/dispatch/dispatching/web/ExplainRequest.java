package cn.luoyang.pollution.dispatch.dispatching.web;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.time.Instant;

/**
 * A hypothetical complaint for {@code POST /dispatch/explain}. Give a location or an address (or a
 * registered source id, or a description naming the place, as a reporter's prose does); {@code observedAt} defaults to now; {@code alertLevel} (NONE…RED)
 * overrides the level in force for a what-if question.
 */
public record ExplainRequest(String category, GeoPoint location, String addressText, String description, Instant observedAt, String sourceId,
        String alertLevel, String trackingNumber) {
}
