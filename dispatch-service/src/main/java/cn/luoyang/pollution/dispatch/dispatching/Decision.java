package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.duplicates.MergeTarget;
import cn.luoyang.pollution.dispatch.duplicates.Neighbourhood;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.registry.SourceLink;
import cn.luoyang.pollution.dispatch.rules.Routing;
import java.util.List;

/** The dispatcher's verdict on one complaint: exactly one of dispatch, merge or queue, with its trace. */
public sealed interface Decision {

    List<TraceStep> trace();

    /**
     * A new case (派单) to a lead department.
     *
     * @param team the roster's leader and members of the complaint's grid; null when it names nobody
     * @param seen the merge cells as this decision read them (null without a point): the case opens only if they are unchanged
     */
    record Dispatch(Territory territory, LonLat point, SourceLink source, Routing routing, GridTeam team, List<TraceStep> trace,
            Neighbourhood seen) implements Decision {
    }

    /** The same incident as an open case: the complaint joins it. */
    record Merge(Territory territory, MergeTarget target, List<TraceStep> trace, Neighbourhood seen) implements Decision {
    }

    /** Nothing routes it: the campaign office's manual queue. */
    record Queue(String reason, String detail, List<String> candidates, List<TraceStep> trace) implements Decision {
    }
}
