package cn.luoyang.pollution.enforcement.statistics;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.cases.Case;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * 在线监测 in the weekly report: cases opened by an online monitor in the period, per district and per unit
 * (the unit the case was first routed to), split into exceedances (超标) and offline monitors (离线); and the
 * monitors offline longest — the open {@code OFFLINE} cases, oldest last reading first. A case counts as a
 * monitor's when its first complaint carries a monitor trigger; its complaints' accounts say so.
 */
public final class MonitorStatistics {

    /** Rows kept in the offline list. */
    public static final int OFFLINE_TOP = 10;

    /** One district's or unit's monitor-triggered cases opened in the period. */
    public record Row(String key, int exceedances, int offline) {

        public int total() {
            return exceedances + offline;
        }
    }

    /** A monitor silent since {@code since} (its last reading, else when its case opened), with its open case. */
    public record OfflineMonitor(String mn, String sourceId, String caseId, String trackingNumber, String districtCode,
            Instant since) {
    }

    public record Figures(Period period, List<Row> byDistrict, List<Row> byUnit, List<OfflineMonitor> offlineLongest) {

        public int total() {
            return byDistrict.stream().mapToInt(Row::total).sum();
        }
    }

    private MonitorStatistics() {
    }

    /**
     * @param cases    the cases to count from (those opened in the period and those open now)
     * @param triggers the monitor triggers of their complaints, by complaint id
     */
    public static Figures of(List<Case> cases, Map<String, ReporterAccount.Monitor> triggers, Period period) {
        Map<String, int[]> districts = new TreeMap<>();
        Map<String, int[]> units = new TreeMap<>();
        List<OfflineMonitor> offline = new java.util.ArrayList<>();
        for (Case c : cases) {
            ReporterAccount.Monitor trigger = c.complaintIds().isEmpty() ? null : triggers.get(c.complaintIds().get(0));
            if (trigger == null) {
                continue;
            }
            int column = trigger.offline() ? 1 : 0;
            if (period.contains(c.openedAt())) {
                String district = c.territory() == null || c.territory().districtCode() == null ? "UNKNOWN"
                        : c.territory().districtCode();
                String unit = c.assignments().isEmpty() ? c.lead().code() : c.assignments().get(0).round().lead().code();
                districts.computeIfAbsent(district, k -> new int[2])[column]++;
                units.computeIfAbsent(unit, k -> new int[2])[column]++;
            }
            if (trigger.offline() && c.state().isOpen()) {
                offline.add(new OfflineMonitor(trigger.mn(), trigger.sourceId() != null ? trigger.sourceId() : c.sourceId(), c.id(),
                        c.trackingNumber(), c.territory() == null ? null : c.territory().districtCode(),
                        Objects.requireNonNullElse(trigger.lastReadingAt(), c.openedAt())));
            }
        }
        offline.sort(Comparator.comparing(OfflineMonitor::since).thenComparing(OfflineMonitor::mn, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Figures(period, rows(districts), rows(units), List.copyOf(offline.subList(0, Math.min(OFFLINE_TOP, offline.size()))));
    }

    private static List<Row> rows(Map<String, int[]> counts) {
        return counts.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(Row::total).reversed().thenComparing(Row::key)).toList();
    }
}
