package cn.luoyang.pollution.enforcement.statistics;

import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.enforcement.cases.Assignment;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseClocks;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Closure;
import cn.luoyang.pollution.enforcement.cases.Extension;
import cn.luoyang.pollution.enforcement.cases.Feedback;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.cases.Unit;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Counts the weekly figures from the cases themselves (their assignments, closures, extensions, survey
 * answers and signed timelines), so the report and the case record cannot disagree, and the callbacks
 * (回访) notification-service reported ended, each against the unit leading its case at that moment.
 */
public final class WeeklyStatistics {

    /** Rows per unit ({@code DEPARTMENT@TERRITORY}), per district code, or per township/street code (乡镇/街道). */
    public enum Grouping { UNIT, TERRITORY, TOWNSHIP }

    /** Hotspot cells are 0.01° × 0.01° (about 1.1 km × 0.9 km at Luoyang's latitude). */
    static final double CELL_DEGREES = 0.01;
    static final int TOP = 5;

    public WeeklyReport report(List<Case> cases, Period period, Instant asOf, Grouping by) {
        return report(cases, List.of(), period, asOf, by);
    }

    /** @param callbacks callbacks that ended, of these cases or others (only those of {@code cases} in the period count) */
    public WeeklyReport report(List<Case> cases, List<Callback> callbacks, Period period, Instant asOf, Grouping by) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (Case c : cases) {
            for (Assignment a : c.assignments()) {
                if (period.contains(a.round().assignedAt())) {
                    tallies.computeIfAbsent(keyOf(c, a, by), Tally::new).count(c, a, asOf);
                }
            }
            if (c.state().isOpen() && c.clocks().overdueAt(asOf)) {
                tallies.computeIfAbsent(keyOf(c, c.lead(), by), Tally::new).overdueNow++;
            }
            countAccountability(c, period, by, tallies);
        }
        countCallbacks(cases, callbacks, period, by, tallies);
        List<Case> opened = cases.stream().filter(c -> period.contains(c.openedAt())).toList();
        return new WeeklyReport(period, asOf, by.name(), tallies.values().stream().map(Tally::figures).toList(),
                repeatSources(opened), top(opened, Case::category), top(opened, WeeklyStatistics::cellOf));
    }

    private static String keyOf(Case c, Assignment a, Grouping by) {
        return keyOf(c, a == null ? c.lead() : a.round().lead(), by);
    }

    /**
     * The row a case counts in: its unit, its district, or its township/street; a case whose township is
     * unknown counts in {@code <district>-UNKNOWN}, one without a territory in {@code UNKNOWN}.
     */
    private static String keyOf(Case c, Unit unit, Grouping by) {
        return switch (by) {
            case UNIT -> unit.code();
            case TERRITORY -> c.territory() == null ? "UNKNOWN" : c.territory().districtCode();
            case TOWNSHIP -> c.territory() == null ? "UNKNOWN"
                    : c.territory().townshipCode() != null ? c.territory().townshipCode()
                    : c.territory().districtCode() + "-UNKNOWN";
        };
    }

    /** Escalations, urges, failed checks and extension requests in the period, each against the unit leading then. */
    private static void countAccountability(Case c, Period period, Grouping by, Map<String, Tally> tallies) {
        for (HistoryEntry e : c.history().entries()) {
            if (!period.contains(e.at())) {
                continue;
            }
            Supplier<Tally> tally = () -> tallies.computeIfAbsent(keyOf(c, c.leadAt(e.at()), by), Tally::new);
            CaseClocks.escalationLevel(e).ifPresent(level -> tally.get().escalated(level));
            switch (e.action()) {
                case "URGED" -> tally.get().urges++;
                case "EXTENSION_REQUESTED" -> tally.get().extensionRequests++;
                case "RECTIFICATION_CHECK_DUE" -> tally.get().rectificationsOverdue++;
                case "RECTIFICATION_CHECK_FAILED" -> tally.get().rectificationChecksFailed++;
                default -> {
                    if (e.reopenedFor("REINSPECTION")) {
                        tally.get().reinspectionFailures++;
                    }
                }
            }
        }
    }

    /** Callbacks that ended in the period, each against the unit leading its case then; one without a case counts nowhere. */
    private static void countCallbacks(List<Case> cases, List<Callback> callbacks, Period period, Grouping by,
            Map<String, Tally> tallies) {
        Map<String, Case> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        for (Callback callback : callbacks) {
            Case c = callback.caseId() == null ? null : byId.get(callback.caseId());
            if (c == null || !period.contains(callback.at())) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(keyOf(c, c.leadAt(callback.at()), by), Tally::new);
            tally.callbacks++;
            if (callback.reachedReporter()) {
                tally.callbacksReached++;
            }
        }
    }

    /** 重复投诉: registered sources named by more than one complaint among the period's cases. */
    static List<WeeklyReport.Count> repeatSources(List<Case> opened) {
        Map<String, Long> bySource = opened.stream().filter(c -> c.sourceId() != null)
                .collect(Collectors.groupingBy(Case::sourceId, Collectors.summingLong(c -> c.complaintIds().size())));
        return bySource.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> new WeeklyReport.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(WeeklyReport.Count::count).reversed().thenComparing(WeeklyReport.Count::key))
                .toList();
    }

    static List<WeeklyReport.Count> top(List<Case> opened, Function<Case, String> key) {
        return opened.stream().map(key).filter(k -> k != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().map(e -> new WeeklyReport.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(WeeklyReport.Count::count).reversed().thenComparing(WeeklyReport.Count::key))
                .limit(TOP).toList();
    }

    static String cellOf(Case c) {
        if (c.location() == null) {
            return null;
        }
        // the small epsilon keeps 34.66 in cell 3466 despite binary floating point
        long lat = (long) Math.floor(c.location().latitude() / CELL_DEGREES + 1e-9);
        long lon = (long) Math.floor(c.location().longitude() / CELL_DEGREES + 1e-9);
        return String.format(Locale.ROOT, "%.2f,%.2f", lat * CELL_DEGREES, lon * CELL_DEGREES);
    }

    private static final class Tally {
        final String key;
        int received;
        int signedOnTime;
        int returned;
        int closed;
        int closedOnTime;
        int overdueNow;
        int extended;
        int resolved;
        int answers;
        int satisfied;
        int escalatedToUnitLeader;
        int escalatedToCampaignOffice;
        int escalatedToDiscipline;
        int urges;
        int returnsUpheld;
        int returnsOverruled;
        int reinspectionFailures;
        int rectificationsOverdue;
        int rectificationChecksFailed;
        int extensionRequests;
        int dueToSign;
        int dueToClose;
        int callbacks;
        int callbacksReached;

        Tally(String key) {
            this.key = key;
        }

        void count(Case c, Assignment a, Instant asOf) {
            received++;
            // only assignments already due count in the rates: signed or returned, or past the sign deadline
            if (!a.pending() || !a.round().signDeadline().isAfter(asOf)) {
                dueToSign++;
            }
            if (a.signedOnTime()) {
                signedOnTime++;
            }
            if (a.returned()) {
                returned++;
                // the first arbitration (仲裁) after this return decides who was right
                c.assignments().stream().filter(b -> b.round().number() > a.round().number() && b.round().byArbitration()
                        && !b.round().assignedAt().isAfter(asOf))
                        .findFirst().ifPresent(b -> {
                            if (b.round().lead().equals(a.round().lead())) {
                                returnsOverruled++;
                            } else {
                                returnsUpheld++;
                            }
                        });
                return;
            }
            Optional<Closure> closure = c.closures().stream()
                    .filter(x -> x.actor().unit().equals(a.round().lead().code()) && !x.at().isAfter(asOf)).findFirst();
            if (closure.isPresent() || c.clocks().deadlineOf(ClockName.CLOSE).filter(d -> !d.isAfter(asOf)).isPresent()) {
                dueToClose++;
            }
            if (closure.isPresent()) {
                closed++;
                if (closure.get().onTime()) {
                    closedOnTime++;
                }
                if (c.state() == CaseState.CLOSED) {
                    resolved++;
                }
            }
            if (c.extensions().stream().anyMatch(Extension::approved)) {
                extended++;
            }
            for (Feedback f : c.feedback()) {
                answers++;
                if (f.satisfied()) {
                    satisfied++;
                }
            }
        }

        void escalated(String level) {
            switch (level) {
                case "UNIT_LEADER" -> escalatedToUnitLeader++;
                case "CAMPAIGN_OFFICE" -> escalatedToCampaignOffice++;
                default -> escalatedToDiscipline++;
            }
        }

        Figures figures() {
            return new Figures(key, received, signedOnTime, returned, closed, closedOnTime, overdueNow, extended, resolved,
                    answers, satisfied, Rates.responseRate(signedOnTime, dueToSign),
                    Rates.resolutionRate(resolved, dueToClose), Rates.satisfactionRate(satisfied, answers),
                    new Figures.Accountability(escalatedToUnitLeader, escalatedToCampaignOffice, escalatedToDiscipline, urges,
                            returnsUpheld, returnsOverruled, reinspectionFailures, rectificationsOverdue,
                            rectificationChecksFailed, extensionRequests), dueToSign, dueToClose, callbacks, callbacksReached);
        }
    }
}
