package cn.luoyang.pollution.enforcement.clocks;

import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The city's time rules in one place: deadline profiles by priority and category, the working-day
 * calendar, when to remind and escalate, and the 12369 limits (MEE order no. 15, 2010: close
 * within 60 days, at most 30 more days of extension, with a reason to the reporter).
 */
public final class ClockRules {

    /** The built-in profiles every city configures: URGENT for urgent cases, STANDARD when nothing else names one. */
    private static final String URGENT = cn.luoyang.pollution.contracts.dispatch.DeadlineProfile.URGENT.name();
    private static final String STANDARD = cn.luoyang.pollution.contracts.dispatch.DeadlineProfile.STANDARD.name();

    private final Map<String, DeadlineProfile> profiles;
    private final Map<String, String> profileByCategory;
    private final WorkingCalendar calendar;
    private final ZoneId zone;
    private final double reminderShare;
    private final List<TimeLimit> escalationDelays;
    private final TimeLimit statutoryCap;
    private final TimeLimit maxExtension;
    private final TimeLimit reopenedClose;

    public ClockRules(Map<String, DeadlineProfile> profiles, Map<String, String> profileByCategory,
            WorkingCalendar calendar, ZoneId zone, double reminderShare, List<TimeLimit> escalationDelays,
            TimeLimit statutoryCap, TimeLimit maxExtension, TimeLimit reopenedClose) {
        if (!profiles.containsKey("STANDARD") || !profiles.containsKey("URGENT")) {
            throw new IllegalArgumentException("deadline profiles STANDARD and URGENT are required");
        }
        this.profiles = Map.copyOf(profiles);
        this.profileByCategory = Map.copyOf(profileByCategory);
        this.calendar = calendar;
        this.zone = zone;
        this.reminderShare = reminderShare;
        this.escalationDelays = List.copyOf(escalationDelays);
        this.statutoryCap = statutoryCap;
        this.maxExtension = maxExtension;
        this.reopenedClose = reopenedClose;
    }

    /** Urgent cases use URGENT; else the category's profile; else the one dispatch named; else STANDARD. */
    public DeadlineProfile profileFor(String category, Priority priority, String dispatchedProfile) {
        if (priority == Priority.URGENT) {
            return profiles.get(URGENT);
        }
        String byCategory = profileByCategory.get(category);
        if (byCategory != null && profiles.containsKey(byCategory)) {
            return profiles.get(byCategory);
        }
        if (dispatchedProfile != null && profiles.containsKey(dispatchedProfile)) {
            return profiles.get(dispatchedProfile);
        }
        return profiles.get(STANDARD);
    }

    public Instant deadline(TimeLimit limit, Instant start) {
        return limit.after(start, calendar, zone);
    }

    /** The close deadline never goes beyond the statutory limit counted from when the case was opened. */
    public Instant capped(Instant deadline, Instant openedAt) {
        Instant cap = statutoryCap.after(openedAt, calendar, zone);
        return deadline.isAfter(cap) ? cap : deadline;
    }

    /** The latest close deadline any extension may reach: the statutory limit plus the maximum extension. */
    public Instant extensionBound(Instant openedAt) {
        return maxExtension.after(statutoryCap.after(openedAt, calendar, zone), calendar, zone);
    }

    public Instant reopenedCloseDeadline(Instant reopenedAt) {
        return reopenedClose.after(reopenedAt, calendar, zone);
    }

    /** A clock with its reminder at the configured share of its time, overdue at the deadline, and escalations after it. */
    public RunningClock start(ClockName name, int generation, Instant start, Instant deadline) {
        List<Timer> timers = new ArrayList<>();
        long span = Math.max(0, Duration.between(start, deadline).toMillis());
        timers.add(new Timer(Timer.Kind.REMINDER, 0, start.plusMillis((long) (span * reminderShare)), false));
        timers.add(new Timer(Timer.Kind.OVERDUE, 0, deadline, false));
        for (int i = 0; i < escalationDelays.size(); i++) {
            timers.add(new Timer(Timer.Kind.ESCALATION, i + 1, escalationDelays.get(i).after(deadline, calendar, zone), false));
        }
        return new RunningClock(name, generation, start, deadline, timers, null);
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public ZoneId zone() {
        return zone;
    }
}
