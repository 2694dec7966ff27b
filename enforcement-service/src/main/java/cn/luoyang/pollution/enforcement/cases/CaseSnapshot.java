package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link Case} remembers, as plain values: what a store writes ({@link Case#snapshot()}) and
 * gives back ({@link Case#restore}). Not a model of its own: the case's rules live in {@link Case} and
 * the concepts it delegates to; this only lets a store map the case field by field, without reflection.
 */
public record CaseSnapshot(
        String id,
        long version,
        String trackingNumber,
        List<String> complaintIds,
        String category,
        GeoPoint location,
        Territory territory,
        GridTeam gridTeam,
        String sourceId,
        Level level,
        Priority priority,
        String deadlineProfile,
        int routingRound,
        boolean arbitrated,
        List<TraceStep> dispatchTrace,
        Unit lead,
        List<Unit> coHandlers,
        CaseState state,
        Instant openedAt,
        List<Assignment> assignments,
        int returnCount,
        String inspectorId,
        Instant rectificationDeadline,
        List<RectificationCheck> rectificationChecks,
        Penalty penalty,
        List<Closure> closures,
        List<ClosureRequest> closureRequests,
        List<Contribution> contributions,
        List<Extension> extensions,
        boolean listedForSupervision,
        int urgeCount,
        Reinspection reinspection,
        List<Feedback> feedback,
        int reopenCount,
        List<RunningClock> clocks,
        Instant nextDueAt,
        List<HistoryEntry> history,
        Set<String> processedEvents) {
}
