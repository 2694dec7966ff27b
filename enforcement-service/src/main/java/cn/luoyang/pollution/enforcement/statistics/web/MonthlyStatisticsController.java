package cn.luoyang.pollution.enforcement.statistics.web;

import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.statistics.InvalidReportRequest;
import cn.luoyang.pollution.enforcement.statistics.MonthlyPublication;
import cn.luoyang.pollution.enforcement.statistics.MonthlyPublications;
import cn.luoyang.pollution.kit.problems.Problems;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/statistics/monthly?month=yyyy-MM} (月度通报): JSON, or CSV at {@code monthly.csv} or with
 * {@code Accept: text/csv}; last month when {@code month} is absent; a malformed month is 400 naming it.
 */
@RestController
class MonthlyStatisticsController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final MonthlyPublications publications;

    MonthlyStatisticsController(MonthlyPublications publications) {
        this.publications = publications;
    }

    @GetMapping(value = "/api/statistics/monthly", produces = MediaType.APPLICATION_JSON_VALUE)
    MonthlyPublication json(Officer officer, @RequestParam(required = false) String month) {
        return publications.of(officer, month(month));
    }

    @GetMapping(value = "/api/statistics/monthly", produces = "text/csv")
    ResponseEntity<String> csv(Officer officer, @RequestParam(required = false) String month) {
        MonthlyPublication publication = publications.of(officer, month(month));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"monthly-" + publication.month() + ".csv\"")
                .body(publication.csv());
    }

    @GetMapping(value = "/api/statistics/monthly.csv")
    ResponseEntity<String> csvByPath(Officer officer, @RequestParam(required = false) String month) {
        return csv(officer, month);
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidReportRequest("month", "month must be yyyy-MM, e.g. 2026-11");
        }
    }

    @ExceptionHandler(InvalidReportRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidReportRequest e) {
        return Problems.field(HttpStatus.BAD_REQUEST, "invalid-parameter", e.field(), e.getMessage());
    }
}
