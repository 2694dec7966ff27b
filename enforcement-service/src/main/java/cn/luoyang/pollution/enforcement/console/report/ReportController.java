package cn.luoyang.pollution.enforcement.console.report;

import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.console.Csv;
import cn.luoyang.pollution.enforcement.console.Labels;
import cn.luoyang.pollution.enforcement.console.map.LuoyangMap;
import cn.luoyang.pollution.enforcement.console.map.OpenCasesMap;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.enforcement.statistics.Figures;
import cn.luoyang.pollution.enforcement.statistics.WeeklyReport;
import cn.luoyang.pollution.enforcement.statistics.WeeklyReports;
import cn.luoyang.pollution.enforcement.statistics.WeeklyStatistics.Grouping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 周例会: the weekly figures from {@link WeeklyReports} (per unit or per district) as a table, as
 * ECharts charts fed by {@code weekly/data} and as CSV, plus the battle map (挂图作战) of open
 * cases per district drawn on the server as SVG ({@link OpenCasesMap}). Handlers see only their own unit (its row, and the
 * categories and map of its own cases). Opens on this week so far; dates are first and last day included.
 * Below the table, cases opened by online monitors (在线监测) per district and unit, and the monitors offline longest
 * ({@link WeeklyReports#monitors}).
 */
@Controller
class ReportController {

    private final WeeklyReports reports;
    private final CaseQueries queries;
    private final LuoyangMap map;
    private final Labels labels;
    private final MessageSource messages;

    private final ReporterAccounts accounts;

    ReportController(WeeklyReports reports, CaseQueries queries, LuoyangMap map, Labels labels, MessageSource messages,
            ReporterAccounts accounts) {
        this.accounts = accounts;
        this.reports = reports;
        this.queries = queries;
        this.map = map;
        this.labels = labels;
        this.messages = messages;
    }

    @GetMapping("/console/reports/weekly")
    String page(Officer officer, @RequestParam(required = false) String by, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model) {
        Grouping grouping = grouping(officer, by);
        ReportRange range;
        try {
            range = ReportRange.of(from, to, reports.thisWeek());
        } catch (IllegalArgumentException badRange) {
            // a range that ends before it starts, or a date that is none: said beside the dates, this week shown
            model.addAttribute("rangeError", messages.getMessage("report.bad-range", null, LocaleContextHolder.getLocale()));
            model.addAttribute("typedFrom", from);
            model.addAttribute("typedTo", to);
            range = ReportRange.of(null, null, reports.thisWeek());
        }
        WeeklyReport report = reports.report(officer, range.first(), range.toExclusive(), grouping, null);
        ReportRange thisWeek = ReportRange.of(null, null, reports.thisWeek());
        model.addAttribute("report", report);
        model.addAttribute("range", range);
        model.addAttribute("thisWeek", thisWeek);
        model.addAttribute("lastWeek", new ReportRange(thisWeek.first().minusWeeks(1), thisWeek.last().minusWeeks(1)));
        model.addAttribute("by", grouping.name());
        model.addAttribute("mayGroupByTerritory", officer.role().readsAll());
        model.addAttribute("names", names(report, grouping));
        model.addAttribute("unitName", officer.role().readsAll() ? null : labels.unit(officer.unit().code()));
        model.addAttribute("openMap", OpenCasesMap.of(map, openCounts(officer)));
        model.addAttribute("monitors", reports.monitors(officer, range.first(), range.toExclusive(), accounts));
        return "console/report";
    }

    /** What the charts draw: rows with readable names, top categories, open cases per GeoJSON district. */
    @GetMapping("/console/reports/weekly/data")
    @ResponseBody
    Map<String, Object> data(Officer officer, @RequestParam(required = false) String by,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Grouping grouping = grouping(officer, by);
        ReportRange range = ReportRange.of(from, to, reports.thisWeek());
        WeeklyReport report = reports.report(officer, range.first(), range.toExclusive(), grouping, null);
        Map<String, String> names = names(report, grouping);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", Map.of("from", range.first().toString(), "to", range.last().toString()));
        out.put("rows", report.rows().stream().map(r -> row(r, names.get(r.key()))).toList());
        out.put("topCategories", report.topCategories().stream()
                .map(c -> Map.of("name", labels.category(c.key()), "value", c.count())).toList());
        out.put("openByDistrict", openByDistrict(officer));
        return out;
    }

    /**
     * The table as CSV for people (Excel): headers and unit/district names in the page's language, rates as
     * percentages, with a byte-order mark so that Excel reads UTF-8. The API's CSV keeps codes for programs.
     */
    @GetMapping("/console/reports/weekly.csv")
    ResponseEntity<String> csv(Officer officer, @RequestParam(required = false) String by,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Grouping grouping = grouping(officer, by);
        ReportRange range = ReportRange.of(from, to, reports.thisWeek());
        WeeklyReport report = reports.report(officer, range.first(), range.toExclusive(), grouping, null);
        Map<String, String> names = names(report, grouping);
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder out = new StringBuilder(Csv.START);
        out.append(CSV_COLUMNS.stream().map(key -> cell(messages.getMessage(key, null, locale)))
                .collect(Collectors.joining(","))).append("\r\n");
        for (Figures f : report.rows()) {
            out.append(String.join(",", cell(names.get(f.key())), n(f.received()), n(f.signedOnTime()), n(f.returned()),
                    n(f.closed()), n(f.closedOnTime()), n(f.overdueNow()), n(f.extended()), percent(f.responseRate()),
                    percent(f.resolutionRate()), percent(f.satisfactionRate()))).append("\r\n");
        }
        String file = messages.getMessage("report.csv-file", new Object[] {report.period().fromDay().toString()}, locale);
        return Csv.download(out.toString(), file);
    }

    private static final List<String> CSV_COLUMNS = List.of("report.key", "report.received", "report.signed-on-time",
            "report.returned", "report.closed", "report.closed-on-time", "report.overdue", "report.extended", "report.response",
            "report.resolution", "report.satisfaction");

    private static String n(int value) {
        return Integer.toString(value);
    }

    private static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String cell(String text) {
        return Csv.cell(text);
    }

    /** Handlers only ever get their unit's row; oversight roles choose. */
    private static Grouping grouping(Officer officer, String by) {
        if (officer.role() == Role.HANDLER || officer.role() == Role.GRID_MEMBER) {
            return Grouping.UNIT;
        }
        return "TERRITORY".equalsIgnoreCase(by) ? Grouping.TERRITORY : Grouping.UNIT;
    }

    private Map<String, String> names(WeeklyReport report, Grouping grouping) {
        Map<String, String> names = new LinkedHashMap<>();
        report.rows().forEach(r -> names.put(r.key(), grouping == Grouping.UNIT ? labels.unit(r.key()) : map.name(r.key())));
        return names;
    }

    private static Map<String, Object> row(Figures f, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", f.key());
        row.put("name", name);
        row.put("received", f.received());
        row.put("closed", f.closed());
        row.put("signedOnTime", f.signedOnTime());
        row.put("closedOnTime", f.closedOnTime());
        row.put("returned", f.returned());
        row.put("overdueNow", f.overdueNow());
        row.put("responseRate", f.responseRate());
        row.put("resolutionRate", f.resolutionRate());
        row.put("satisfactionRate", f.satisfactionRate());
        row.put("dueToSign", f.dueToSign());
        row.put("dueToClose", f.dueToClose());
        return row;
    }

    /** Open cases the officer can see, per GeoJSON district code. */
    private Map<String, Long> openCounts(Officer officer) {
        Map<String, Long> counts = new TreeMap<>();
        for (Case c : queries.inbox(officer)) {
            if (c.territory() != null && c.territory().districtCode() != null) {
                counts.merge(map.geoJsonCode(c.territory().districtCode()), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Every GeoJSON district with its count of open cases the officer can see (zero included, so the map is whole). */
    private List<Map<String, Object>> openByDistrict(Officer officer) {
        Map<String, Long> counts = openCounts(officer);
        return map.districts().stream()
                .<Map<String, Object>>map(d -> Map.of("name", d.name(), "code", d.code(), "value", counts.getOrDefault(d.code(), 0L)))
                .toList();
    }
}
