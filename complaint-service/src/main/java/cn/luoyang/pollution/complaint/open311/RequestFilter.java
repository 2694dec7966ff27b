package cn.luoyang.pollution.complaint.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The filters of Open311 {@code GET requests}: ids (which override everything else), service
 * codes, a requested-datetime window of at most 90 days (the last 90 days by default), status.
 */
public record RequestFilter(List<String> ids, List<String> serviceCodes, Instant start, Instant end, Set<String> statuses) {

    public static final Duration MAX_SPAN = Duration.ofDays(90);

    /** @throws IllegalArgumentException with a message for the client when a filter is malformed */
    public static RequestFilter parse(String ids, String serviceCodes, String startDate, String endDate, String status, Instant now) {
        List<String> idList = split(ids);
        if (!idList.isEmpty()) {
            return new RequestFilter(idList, List.of(), null, null, Set.of());
        }
        Instant start = time("start_date", startDate);
        Instant end = time("end_date", endDate);
        if (start == null && end == null) {
            end = now;
            start = now.minus(MAX_SPAN);
        } else if (start == null) {
            start = end.minus(MAX_SPAN);
        } else if (end == null) {
            end = start.plus(MAX_SPAN);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end_date is before start_date");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException("start_date to end_date may not span more than 90 days");
        }
        List<String> statuses = split(status);
        for (String s : statuses) {
            if (!s.equals("open") && !s.equals("closed")) {
                throw new IllegalArgumentException("status must be open or closed (comma delimited)");
            }
        }
        return new RequestFilter(List.of(), split(serviceCodes), start, end, Set.copyOf(statuses));
    }

    private static Instant time(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must use the w3 format, e.g. 2010-01-01T00:00:00Z");
        }
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(parts::add);
        return parts;
    }
}
