package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.console.Csv;
import cn.luoyang.pollution.enforcement.console.Labels;
import cn.luoyang.pollution.enforcement.officers.Officer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work list as shown (same list, filters and search) as CSV for people: headers, states, units and
 * categories in the page's language, like the weekly report's CSV.
 */
@RestController
class InboxExport {

    private static final List<String> COLUMNS = List.of("field.tracking", "field.category", "field.territory", "field.state",
            "field.priority", "field.complaints", "field.lead", "field.deadline", "inbox.left", "inbox.urges",
            "inbox.extension-pending", "inbox.closed-at");
    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

    private final WorkList workList;
    private final Labels labels;
    private final MessageSource messages;
    private final Clock clock;

    InboxExport(WorkList workList, Labels labels, MessageSource messages, Clock clock) {
        this.workList = workList;
        this.labels = labels;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/inbox.csv")
    ResponseEntity<String> csv(Officer officer, InboxFilter filter) {
        Instant now = clock.instant();
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder out = new StringBuilder(Csv.START);
        out.append(COLUMNS.stream().map(key -> Csv.cell(text(key, locale))).collect(Collectors.joining(","))).append("\r\n");
        for (InboxRow r : workList.rows(workList.source(officer, filter), filter, now)) {
            var s = r.summary();
            out.append(Stream.of(s.trackingNumber(), labels.category(s.category()), r.districtName(),
                    text("state." + s.state(), locale),
                    s.priority() == null ? "" : messages.getMessage("priority." + s.priority(), null, s.priority().name(), locale),
                    Integer.toString(r.reports()), labels.unit(s.lead()),
                    s.nextDeadline() == null ? "" : labels.time(s.nextDeadline()), left(r, locale),
                    Integer.toString(r.urges()), r.extensionPending() ? text("inbox.yes", locale) : "",
                    r.closedAt() == null ? "" : labels.time(r.closedAt()))
                    .map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        String file = messages.getMessage(filter.done() ? "inbox.csv-file-done" : "inbox.csv-file",
                new Object[] {FILE_DAY.format(now)}, locale);
        return Csv.download(out.toString(), file);
    }

    private String left(InboxRow r, Locale locale) {
        if (r.left() == null) {
            return "";
        }
        return messages.getMessage(r.left().overdue() ? "inbox.overdue-by" : "inbox.left-time",
                new Object[] {r.left().days(), r.left().hours()}, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
