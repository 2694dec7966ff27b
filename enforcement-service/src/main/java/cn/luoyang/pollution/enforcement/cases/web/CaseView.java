package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Closure;
import cn.luoyang.pollution.enforcement.cases.Contribution;
import cn.luoyang.pollution.enforcement.cases.Feedback;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.cases.Penalty;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A case as the API shows it: the assignment, the clocks, the dispatch trace (why it came to this
 * unit) and the full signed timeline. It holds no reporter contact: the case never has one.
 */
public record CaseView(
        String caseId,
        String trackingNumber,
        CaseState state,
        Set<CaseState> nextStates,
        String category,
        Priority priority,
        Level level,
        String deadlineProfile,
        String lead,
        List<String> coHandlers,
        Territory territory,
        GeoPoint location,
        String sourceId,
        List<String> complaintIds,
        int routingRound,
        boolean arbitrated,
        int returnCount,
        Instant openedAt,
        List<RunningClock> clocks,
        boolean overdue,
        boolean listedForSupervision,
        int urgeCount,
        String inspectorId,
        Instant rectificationDeadline,
        /** 到期复查: the re-inspections passed rectification deadlines brought, the waiting one last. */
        List<RectificationCheckView> rectificationChecks,
        Penalty penalty,
        List<Closure> closures,
        /** 办结审核: the proposed replies, the pending one last with no decision yet. */
        List<ClosureRequestView> closureRequests,
        ClosureRequestView pendingClosure,
        List<Contribution> contributions,
        List<ExtensionView> extensions,
        ReinspectionView reinspection,
        List<Feedback> feedback,
        List<TraceStep> dispatchTrace,
        List<HistoryEntry> timeline) {

    static CaseView of(Case c, Instant now) {
        return new CaseView(c.id(), c.trackingNumber(), c.state(), c.state().next(), c.category(), c.priority(), c.level(),
                c.deadlineProfile(), c.lead().code(), c.coHandlers().stream().map(u -> u.code()).toList(), c.territory(),
                c.location(), c.sourceId(), c.complaintIds(), c.routingRound(), c.arbitrated(), c.returnCount(), c.openedAt(),
                c.clocks().all(), c.clocks().overdueAt(now), c.listedForSupervision(), c.urgeCount(), c.inspectorId(),
                c.rectificationDeadline(), c.rectificationChecks().stream().map(RectificationCheckView::of).toList(), c.penalty(),
                c.closures(), c.closureRequests().stream().map(ClosureRequestView::of).toList(),
                c.pendingClosure().map(ClosureRequestView::of).orElse(null), c.contributions(),
                c.extensions().stream().map(ExtensionView::of).toList(), ReinspectionView.of(c.reinspection()),
                c.feedback(), c.dispatchTrace(), c.history().entries());
    }
}
