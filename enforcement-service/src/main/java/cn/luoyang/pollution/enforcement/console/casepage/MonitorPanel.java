package cn.luoyang.pollution.enforcement.console.casepage;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.console.casepage.CaseAccounts.Entry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * 在线监测触发: what an online monitor's case shows above the accounts — the monitor (MN) and its source, the
 * fault (超标 or 离线), and for an exceedance the window averages that triggered it (those of the first
 * complaint and of every later one added to the case) against the rule's limit, as a small SVG chart drawn on
 * the server: one point per window (red above the limit), the limit a dashed line, time left to right. No
 * script and no chart library; each point names its window, average and largest reading in a tooltip.
 */
public record MonitorPanel(String mn, String sourceId, String kind, String rule, String factor, Double limit,
        Instant lastReadingAt, int faults, Chart chart) {

    static final double WIDTH = 600;
    static final double HEIGHT = 200;
    static final double LEFT = 52;
    static final double RIGHT = 12;
    static final double TOP = 12;
    static final double BOTTOM = 30;
    private static final ZoneId LUOYANG = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** HJ 212 factor codes of the dust and noise monitors, as people name them. */
    static final Map<String, String> FACTORS = Map.of("a34002", "PM10", "a34004", "PM2.5", "a34001", "TSP",
            "LA", "噪声 LA", "Leq", "噪声 Leq");

    /** One window on the chart: its position, whether over the limit, and its tooltip figures. */
    public record Point(String x, String y, boolean over, String from, String to, String average, String max, long count) {
    }

    /** The chart: points, the polyline through them, the limit's height, the axis labels. */
    public record Chart(List<Point> points, String line, String limitY, String topValue, String limitValue,
            String firstTime, String lastTime) {

        public String width() {
            return fmt(WIDTH);
        }

        public String height() {
            return fmt(HEIGHT);
        }

        public String left() {
            return fmt(LEFT);
        }

        public String right() {
            return fmt(WIDTH - RIGHT);
        }

        public String top() {
            return fmt(TOP);
        }

        public String bottom() {
            return fmt(HEIGHT - BOTTOM);
        }
    }

    /** The panel for a case whose complaints came from a monitor, or null for a case of people's reports. */
    public static MonitorPanel of(List<Entry> entries) {
        List<ReporterAccount.Monitor> triggers = entries.stream().map(Entry::account).filter(Objects::nonNull)
                .map(ReporterAccount::monitor).filter(Objects::nonNull).toList();
        if (triggers.isEmpty()) {
            return null;
        }
        ReporterAccount.Monitor first = triggers.get(0);
        Double limit = triggers.stream().map(ReporterAccount.Monitor::limit).filter(Objects::nonNull).findFirst().orElse(null);
        Map<Instant, ReporterAccount.Reading> windows = new TreeMap<>();
        triggers.forEach(t -> t.windows().stream().filter(w -> w.start() != null).forEach(w -> windows.putIfAbsent(w.start(), w)));
        Instant last = triggers.stream().map(ReporterAccount.Monitor::lastReadingAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new MonitorPanel(first.mn(), first.sourceId(), first.kind(), first.rule(),
                first.factor() == null ? null : FACTORS.getOrDefault(first.factor(), first.factor()), limit, last,
                triggers.size(), chart(new ArrayList<>(windows.values()), limit));
    }

    public boolean offline() {
        return "OFFLINE".equals(kind);
    }

    public String lastReading() {
        return lastReadingAt == null ? null : TIME.format(lastReadingAt.atZone(LUOYANG));
    }

    static Chart chart(List<ReporterAccount.Reading> windows, Double limit) {
        if (windows.isEmpty()) {
            return null;
        }
        double top = Math.max(limit == null ? 0 : limit, windows.stream().mapToDouble(ReporterAccount.Reading::average).max()
                .orElse(0)) * 1.15;
        if (top <= 0) {
            top = 1;
        }
        long from = windows.get(0).start().getEpochSecond();
        long to = windows.get(windows.size() - 1).end() == null ? windows.get(windows.size() - 1).start().getEpochSecond() + 1
                : windows.get(windows.size() - 1).end().getEpochSecond();
        double span = Math.max(1, to - from);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (ReporterAccount.Reading w : windows) {
            long end = w.end() == null ? w.start().getEpochSecond() : w.end().getEpochSecond();
            double mid = (w.start().getEpochSecond() + end) / 2.0;
            double x = windows.size() == 1 ? LEFT + plotWidth / 2 : LEFT + (mid - from) / span * plotWidth;
            double y = TOP + plotHeight * (1 - w.average() / top);
            line.append(line.isEmpty() ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
            points.add(new Point(fmt(x), fmt(y), limit != null && w.average() > limit, time(w.start()), time(w.end()),
                    value(w.average()), value(w.max()), w.count()));
        }
        String limitY = limit == null ? null : fmt(TOP + plotHeight * (1 - limit / top));
        return new Chart(points, line.toString(), limitY, value(top), limit == null ? null : value(limit),
                time(windows.get(0).start()), time(windows.get(windows.size() - 1).end()));
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(LUOYANG));
    }

    private static String value(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
