package cn.luoyang.pollution.dispatch.duplicates;

import java.util.Map;

/**
 * The nine merge cells around a complaint as one decision read them: their versions (the
 * condition under which a new case may open), the nearest open case of the same incident if any,
 * and whether the complaint's own case is already among them (then this is a redelivery).
 */
public record Neighbourhood(MergeCell own, Map<MergeCell, Long> versions, MergeTarget target, boolean holdsOwnCase) {

    public Neighbourhood {
        versions = Map.copyOf(versions);
    }
}
