package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.cases.web.CaseSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One line of the console's work list: the API's summary plus its colour, the district's name, how
 * many reports the case holds (合并件数), the time left on its nearest running clock, how often it was
 * urged (催办), whether an extension waits for a decision (延期待批), and when it was closed.
 */
public record InboxRow(CaseSummary summary, String districtName, Urgency urgency, int reports, TimeLeft left,
        int urges, boolean extensionPending, Instant closedAt, Instant assignedAt) {

    public static InboxRow of(Case c, Instant now) {
        CaseSummary summary = CaseSummary.of(c, now);
        return new InboxRow(summary, c.territory() == null ? null : c.territory().districtName(), Urgency.of(c, now),
                Math.max(1, c.complaintIds().size()),
                summary.nextDeadline() == null ? null : TimeLeft.between(now, summary.nextDeadline()),
                c.urgeCount(), c.pendingExtension().isPresent(), closedAt(c), assignedAt(c));
    }

    public boolean open() {
        return summary.state().isOpen();
    }

    /** When the case came to its present lead: the last routing round, else when it was opened. */
    private static Instant assignedAt(Case c) {
        return c.assignments().isEmpty() ? c.openedAt() : c.assignments().get(c.assignments().size() - 1).round().assignedAt();
    }

    private static Instant closedAt(Case c) {
        if (c.state().isOpen()) {
            return null;
        }
        List<HistoryEntry> entries = c.history().entries();
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).at();
    }

    /** Time to a deadline in whole days and hours (剩余 / 已超时). */
    public record TimeLeft(boolean overdue, long days, long hours) {

        static TimeLeft between(Instant now, Instant deadline) {
            Duration d = Duration.between(now, deadline);
            boolean overdue = d.isNegative();
            Duration abs = d.abs();
            return new TimeLeft(overdue, abs.toDays(), abs.toHoursPart());
        }
    }
}
