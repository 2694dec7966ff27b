package cn.luoyang.pollution.enforcement.statistics.web;

import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.statistics.WeeklyReport;
import cn.luoyang.pollution.enforcement.statistics.WeeklyReports;
import cn.luoyang.pollution.enforcement.statistics.WeeklyStatistics;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/statistics/weekly}: JSON by default, CSV with {@code format=csv} or {@code Accept: text/csv}. */
@RestController
class StatisticsController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final WeeklyReports reports;

    StatisticsController(WeeklyReports reports) {
        this.reports = reports;
    }

    @GetMapping(value = "/api/statistics/weekly", produces = MediaType.APPLICATION_JSON_VALUE)
    WeeklyReport json(Officer officer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "UNIT") String by,
            @RequestParam(required = false) String unit) {
        return reports.report(officer, from, to, grouping(by), unit);
    }

    @GetMapping(value = "/api/statistics/weekly", produces = "text/csv")
    ResponseEntity<String> csv(Officer officer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "UNIT") String by,
            @RequestParam(required = false) String unit) {
        WeeklyReport report = reports.report(officer, from, to, grouping(by), unit);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"weekly-" + report.period().fromDay() + "-"
                        + by.toLowerCase() + ".csv\"")
                .body(report.csv());
    }

    @GetMapping(value = "/api/statistics/weekly.csv")
    ResponseEntity<String> csvByPath(Officer officer,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "UNIT") String by,
            @RequestParam(required = false) String unit) {
        return csv(officer, from, to, by, unit);
    }

    private static WeeklyStatistics.Grouping grouping(String by) {
        return WeeklyStatistics.Grouping.valueOf(by.toUpperCase());
    }
}
