package cn.luoyang.pollution.enforcement.console.map;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Online monitors (在线监测设备) on the campaign office's map: every monitor of dispatch-service's registry at its
 * source's position, in the state of its open cases — fine (正常, no open case), over the limit (超标), offline
 * (离线) or both. A monitor with an open case that the registry does not list (dispatch unreachable, or the
 * monitor since removed) is still drawn, at its first open case's position (dispatch places a monitor's case at
 * its registered source).
 */
public final class MonitorMarks {

    /** A monitor of the registry: its MN, its source's name and district, the source's position. */
    public record Registered(String mn, String source, String districtCode, GeoPoint position) {
    }

    /** An open case raised by a monitor: the monitor's MN, the fault kind and the case. */
    public record Fault(String mn, String kind, String caseId, String trackingNumber, GeoPoint position) {
    }

    /**
     * One monitor on the map: its state ({@code OK}, {@code EXCEEDANCE}, {@code OFFLINE} or {@code BOTH}), its
     * source (null when the registry did not name it) and its open cases.
     */
    public record Mark(String mn, String state, String source, List<Fault> cases, double x, double y) {

        public String xText() {
            return String.format(Locale.ROOT, "%.2f", x);
        }

        public String yText() {
            return String.format(Locale.ROOT, "%.2f", y);
        }
    }

    private MonitorMarks() {
    }

    /** Only the monitors with an open case, at their cases' positions. */
    public static List<Mark> of(List<Fault> faults) {
        return of(List.of(), faults);
    }

    /** Every registered monitor with its faults, then the faulted monitors the registry did not list; by MN. */
    public static List<Mark> of(List<Registered> registered, List<Fault> faults) {
        Map<String, List<Fault>> byMn = new LinkedHashMap<>();
        faults.stream().filter(f -> f.position() != null && f.mn() != null)
                .sorted(Comparator.comparing(Fault::mn).thenComparing(Fault::caseId))
                .forEach(f -> byMn.computeIfAbsent(f.mn(), k -> new ArrayList<>()).add(f));
        List<Mark> marks = new ArrayList<>();
        for (Registered r : registered) {
            if (r.mn() == null || r.position() == null) {
                continue;
            }
            List<Fault> cases = byMn.remove(r.mn());
            marks.add(mark(r.mn(), r.source(), cases == null ? List.of() : cases, r.position()));
        }
        byMn.forEach((mn, cases) -> marks.add(mark(mn, null, cases, cases.get(0).position())));
        marks.sort(Comparator.comparing(Mark::mn));
        return List.copyOf(marks);
    }

    private static Mark mark(String mn, String source, List<Fault> cases, GeoPoint position) {
        boolean offline = cases.stream().anyMatch(f -> "OFFLINE".equals(f.kind()));
        boolean over = cases.stream().anyMatch(f -> !"OFFLINE".equals(f.kind()));
        String state = offline && over ? "BOTH" : offline ? "OFFLINE" : over ? "EXCEEDANCE" : "OK";
        double[] at = LuoyangMap.project(position);
        return new Mark(mn, state, source, List.copyOf(cases), at[0], at[1]);
    }
}
