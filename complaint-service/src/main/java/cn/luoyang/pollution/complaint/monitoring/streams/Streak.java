package cn.luoyang.pollution.complaint.monitoring.streams;

import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import java.util.ArrayList;
import java.util.List;

/**
 * One monitor's run of windows under one exceedance rule (连续超标): the latest contiguous windows over the
 * limit, whether a fault is open, and the windows under the limit since it opened.
 */
public record Streak(List<WindowAverage> over, boolean open, List<WindowAverage> clean) {

    public enum Change { NONE, DETECTED, CLEARED }

    /** The next streak and what changed. */
    public record Step(Streak streak, Change change) {
    }

    public static Streak none() {
        return new Streak(List.of(), false, List.of());
    }

    /**
     * Takes the next closed window. A window outside the rule's hours, or one that does not follow the previous
     * one (a gap: no readings for a while), breaks the run of windows over the limit.
     */
    public Step next(WindowAverage window, FaultRule rule) {
        if (!rule.appliesAt(window.start())) {
            return new Step(new Streak(List.of(), open, clean), Change.NONE);
        }
        if (rule.exceededBy(window.average())) {
            List<WindowAverage> run = follows(over, window) ? append(over, window, rule.consecutive()) : List.of(window);
            if (!open && run.size() >= rule.consecutive()) {
                return new Step(new Streak(run, true, List.of()), Change.DETECTED);
            }
            return new Step(new Streak(run, open, List.of()), Change.NONE);
        }
        if (!open) {
            return new Step(none(), Change.NONE);
        }
        List<WindowAverage> under = follows(clean, window) ? append(clean, window, rule.clearWindows()) : List.of(window);
        if (under.size() >= rule.clearWindows()) {
            return new Step(new Streak(List.of(), false, under), Change.CLEARED);
        }
        return new Step(new Streak(List.of(), true, under), Change.NONE);
    }

    private static boolean follows(List<WindowAverage> run, WindowAverage window) {
        return !run.isEmpty() && run.get(run.size() - 1).end().equals(window.start());
    }

    private static List<WindowAverage> append(List<WindowAverage> run, WindowAverage window, int keep) {
        List<WindowAverage> next = new ArrayList<>(run);
        next.add(window);
        return List.copyOf(next.subList(Math.max(0, next.size() - keep), next.size()));
    }
}
