package cn.luoyang.pollution.enforcement.cases.web;

import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import java.time.Instant;
import java.util.Comparator;

/** One line of an inbox: the nearest running deadline first, and whether it has passed. */
public record CaseSummary(String caseId, String trackingNumber, CaseState state, String category, Priority priority,
        String lead, String districtCode, String nextClock, Instant nextDeadline, boolean overdue, boolean listedForSupervision) {

    public static CaseSummary of(Case c, Instant now) {
        RunningClock next = c.clocks().all().stream().filter(RunningClock::running)
                .min(Comparator.comparing(RunningClock::deadline)).orElse(null);
        return new CaseSummary(c.id(), c.trackingNumber(), c.state(), c.category(), c.priority(), c.lead().code(),
                c.territory() == null ? null : c.territory().districtCode(),
                next == null ? null : next.name().name(), next == null ? null : next.deadline(),
                c.clocks().overdueAt(now), c.listedForSupervision());
    }

    public static final Comparator<CaseSummary> BY_DEADLINE = Comparator.comparing(CaseSummary::nextDeadline,
            Comparator.nullsLast(Comparator.naturalOrder()));
}
