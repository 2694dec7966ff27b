package cn.luoyang.pollution.notification.milestones;

import cn.luoyang.pollution.notification.messages.Milestone;
import java.time.ZoneId;
import java.util.Set;

/**
 * Which optional milestones the city sends and how texts are shaped.
 *
 * @param enabled            milestones sent; REGISTERED, DISPATCHED, CLOSED, EXTENDED and REOPENED
 *                           always, ACCEPTED only when listed (off by default: three SMS per report)
 * @param urgentMilestones   milestones that go even in the quiet window
 * @param replySummaryLength the closure reply is cut to this many characters in the SMS
 * @param zone               the zone in which dates are written for reporters
 */
public record MilestoneSettings(Set<Milestone> enabled, Set<Milestone> urgentMilestones, int replySummaryLength,
        ZoneId zone) {

    public static final Set<Milestone> ALWAYS = Set.of(Milestone.REGISTERED, Milestone.DISPATCHED, Milestone.EXTENDED,
            Milestone.CLOSED, Milestone.REOPENED);

    public static MilestoneSettings defaults() {
        return new MilestoneSettings(ALWAYS, Set.of(), 60, ZoneId.of("Asia/Shanghai"));
    }

    public boolean sends(Milestone milestone) {
        return ALWAYS.contains(milestone) || enabled.contains(milestone);
    }
}
