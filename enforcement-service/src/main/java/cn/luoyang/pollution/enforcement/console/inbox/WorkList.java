package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.cases.web.CaseSummary;
import cn.luoyang.pollution.enforcement.officers.Officer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The rows of the console's work list: 待办 (open cases of the person's unit, nearest deadline first),
 * 已办 (closed cases the person may see, latest closed first), or, when searching, both (open first).
 */
@Component
class WorkList {

    private static final Comparator<InboxRow> OPEN_FIRST = Comparator.comparing(InboxRow::open).reversed()
            .thenComparing(InboxRow::summary, CaseSummary.BY_DEADLINE)
            .thenComparing(InboxRow::closedAt, Comparator.nullsLast(Comparator.reverseOrder()));

    private final CaseQueries queries;

    WorkList(CaseQueries queries) {
        this.queries = queries;
    }

    /** The cases the list draws from before filtering (for the filter choices). */
    List<Case> source(Officer officer, InboxFilter filter) {
        if (filter.searching()) {
            return queries.visible(officer);
        }
        return filter.done() ? queries.visible(officer).stream().filter(c -> !c.state().isOpen()).toList()
                : queries.inbox(officer);
    }

    List<InboxRow> rows(List<Case> source, InboxFilter filter, Instant now) {
        return source.stream().filter(filter.asPredicate()).map(c -> InboxRow.of(c, now)).sorted(OPEN_FIRST).toList();
    }

    /** Open cases of the person's unit that came to it after {@code since}. */
    long arrivedSince(Officer officer, Instant since, Instant now) {
        return queries.inbox(officer).stream().map(c -> InboxRow.of(c, now))
                .filter(r -> r.assignedAt() != null && r.assignedAt().isAfter(since)).count();
    }
}
