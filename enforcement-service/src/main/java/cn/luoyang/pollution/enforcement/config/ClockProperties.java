package cn.luoyang.pollution.enforcement.config;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code enforcement.clocks.*} and {@code enforcement.calendar.*}: see application.yml for the meaning of each key. */
@ConfigurationProperties("enforcement")
public record ClockProperties(Clocks clocks, Calendar calendar, Outbox outbox, Reinspection reinspection) {

    public record Clocks(String zone, double reminderShare, List<String> escalationDelays, String statutoryCap,
            String maxExtension, String reopenedClose, Map<String, Profile> profiles, Map<String, String> categories,
            Duration lease, Duration pollInterval) {
    }

    public record Profile(String sign, String onsite, String close) {
    }

    public record Calendar(Map<String, Year> years) {
    }

    /**
     * One year's arrangement. {@code provisional}: only the statutory days off are known (the State
     * Council's notice of the year is not out yet); the service warns at start until it is replaced.
     */
    public record Year(List<LocalDate> holidays, List<LocalDate> workingDays, boolean provisional) {
    }

    public record Outbox(Duration lease, Duration sweepInterval) {
    }

    public record Reinspection(double share, String cityReviewer, String alternateReviewer) {
    }
}
