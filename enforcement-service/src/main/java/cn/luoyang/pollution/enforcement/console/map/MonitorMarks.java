package cn.luoyang.pollution.enforcement.console.map;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Online monitors (在线监测设备) on the campaign office's map, as far as this service knows them: each monitor
 * with an open case it raised, at that case's position (dispatch places a monitor's case at its registered
 * source), in the state of its open cases — over the limit (超标), offline (离线) or both. Monitors without an
 * open case are not drawn: their positions are in dispatch's registry, not here (see CONSOLE.md).
 */
public final class MonitorMarks {

    /** An open case raised by a monitor: the monitor's MN, the fault kind and the case. */
    public record Fault(String mn, String kind, String caseId, String trackingNumber, GeoPoint position) {
    }

    /** One monitor on the map: its state ({@code EXCEEDANCE}, {@code OFFLINE} or {@code BOTH}) and its open cases. */
    public record Mark(String mn, String state, List<Fault> cases, double x, double y) {

        public String xText() {
            return String.format(Locale.ROOT, "%.2f", x);
        }

        public String yText() {
            return String.format(Locale.ROOT, "%.2f", y);
        }
    }

    private MonitorMarks() {
    }

    public static List<Mark> of(List<Fault> faults) {
        Map<String, List<Fault>> byMn = new LinkedHashMap<>();
        faults.stream().filter(f -> f.position() != null && f.mn() != null)
                .sorted(java.util.Comparator.comparing(Fault::mn).thenComparing(Fault::caseId))
                .forEach(f -> byMn.computeIfAbsent(f.mn(), k -> new ArrayList<>()).add(f));
        List<Mark> marks = new ArrayList<>();
        byMn.forEach((mn, cases) -> {
            boolean offline = cases.stream().anyMatch(f -> "OFFLINE".equals(f.kind()));
            boolean over = cases.stream().anyMatch(f -> !"OFFLINE".equals(f.kind()));
            double[] at = LuoyangMap.project(cases.get(0).position());
            marks.add(new Mark(mn, offline && over ? "BOTH" : offline ? "OFFLINE" : "EXCEEDANCE", List.copyOf(cases), at[0], at[1]));
        });
        return List.copyOf(marks);
    }
}
