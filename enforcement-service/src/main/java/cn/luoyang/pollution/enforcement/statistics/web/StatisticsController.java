package cn.luoyang.pollution.enforcement.statistics.web;

import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.statistics.InvalidReportRequest;
import cn.luoyang.pollution.enforcement.statistics.WeeklyReport;
import cn.luoyang.pollution.enforcement.statistics.WeeklyReports;
import cn.luoyang.pollution.enforcement.statistics.WeeklyStatistics;
import cn.luoyang.pollution.enforcement.statistics.WeeklyTrend;
import cn.luoyang.pollution.kit.problems.Problems;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    /** {@code GET /api/statistics/trend?weeks=N}: the last N weeks' figures (趋势), oldest first; CSV with {@code Accept: text/csv}. */
    @GetMapping(value = "/api/statistics/trend", produces = MediaType.APPLICATION_JSON_VALUE)
    WeeklyTrend trend(Officer officer, @RequestParam(defaultValue = "8") int weeks,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "UNIT") String by,
            @RequestParam(required = false) String unit) {
        return reports.trend(officer, weeks, to, grouping(by), unit);
    }

    @GetMapping(value = "/api/statistics/trend", produces = "text/csv")
    ResponseEntity<String> trendCsv(Officer officer, @RequestParam(defaultValue = "8") int weeks,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "UNIT") String by,
            @RequestParam(required = false) String unit) {
        WeeklyTrend trend = reports.trend(officer, weeks, to, grouping(by), unit);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"trend-" + weeks + "w-" + by.toLowerCase() + ".csv\"")
                .body(trend.csv());
    }

    private static WeeklyStatistics.Grouping grouping(String by) {
        try {
            return WeeklyStatistics.Grouping.valueOf(by.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidReportRequest("by", "by must be one of " + java.util.Arrays.toString(WeeklyStatistics.Grouping.values()));
        }
    }

    @ExceptionHandler(InvalidReportRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReportRequest e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "invalid-parameter", e.field(), e.getMessage());
    }
}
