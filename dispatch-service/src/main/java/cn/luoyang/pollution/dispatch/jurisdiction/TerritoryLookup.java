package cn.luoyang.pollution.dispatch.jurisdiction;

import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.util.List;

/** The outcome of finding where a complaint belongs (属地). */
public sealed interface TerritoryLookup {

    List<TraceStep> trace();

    /** @param point the complaint's position in GCJ-02, or null when it had none */
    record Found(Territory territory, LonLat point, List<TraceStep> trace) implements TerritoryLookup {
    }

    /** @param reason NO_TERRITORY or AMBIGUOUS_ADDRESS, as in {@code DispatchFailed} */
    record Unresolved(String reason, String detail, List<String> candidates, LonLat point, List<TraceStep> trace)
            implements TerritoryLookup {
    }
}
