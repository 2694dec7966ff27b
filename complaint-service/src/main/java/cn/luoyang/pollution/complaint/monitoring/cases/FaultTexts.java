package cn.luoyang.pollution.complaint.monitoring.cases;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultCleared;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The words of a monitor's complaint and notes, for the handler (Chinese, times in Beijing time as on the device). */
final class FaultTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Map<String, String> FACTORS = Map.of("a34001", "TSP (总悬浮颗粒物) µg/m³", "a34002", "PM10 µg/m³",
            "a34004", "PM2.5 µg/m³", "LA", "噪声 dB(A)");

    static String detected(MonitorFaultDetected f) {
        String monitor = "在线监测设备 " + f.mn() + (f.sourceId() == null || f.sourceId().isBlank() ? "" : " (" + f.sourceId() + ")");
        if (f.kind() == FaultKind.OFFLINE) {
            return monitor + " 离线: 自 " + time(f.lastReadingAt()) + " 起无数据, 至 " + time(f.windowEnd()) + " 仍未恢复 (规则 "
                    + f.rule() + ")";
        }
        return monitor + " 超标: " + factor(f.factor()) + " 连续 " + f.windows().size() + " 个窗口均值超过限值 " + number(f.limit())
                + " (" + time(f.windowStart()) + " 至 " + time(f.windowEnd()) + "; 规则 " + f.rule() + "): " + windows(f.windows());
    }

    static String cleared(MonitorFaultCleared c) {
        if (c.kind() == FaultKind.OFFLINE) {
            return "在线监测设备 " + c.mn() + " 已恢复上线: " + time(c.windowEnd()) + " 收到数据 (离线自 " + time(c.windowStart()) + ")";
        }
        return "在线监测设备 " + c.mn() + " 数据已回落: " + factor(c.factor()) + " 连续 " + c.windows().size()
                + " 个窗口均值不超过限值 " + number(c.limit()) + " (" + time(c.windowStart()) + " 至 " + time(c.windowEnd())
                + "): " + windows(c.windows()) + "; 可作为复查核实的依据";
    }

    private static String windows(List<WindowAverage> windows) {
        return windows.stream().map(w -> time(w.start()) + " 均值 " + number(w.average()) + " 最大 " + number(w.max())
                + " (" + w.count() + " 条)").collect(Collectors.joining("; "));
    }

    private static String factor(String code) {
        return FACTORS.getOrDefault(code, code);
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    private FaultTexts() {
    }
}
