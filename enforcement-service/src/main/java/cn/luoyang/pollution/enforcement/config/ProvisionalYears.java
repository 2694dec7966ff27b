package cn.luoyang.pollution.enforcement.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a provisional holiday calendar year loud until it is replaced by the State Council's notice:
 * one warning at start per such year and the gauge {@code enforcement.calendar.provisional} (tag
 * {@code year}, value 1). A provisional year holds only the statutory days off, so a deadline near a
 * festival may come one or two working days early or late once the notice moves days (调休).
 */
final class ProvisionalYears {

    static final String METER = "enforcement.calendar.provisional";
    private static final Logger log = LoggerFactory.getLogger(ProvisionalYears.class);

    private ProvisionalYears() {
    }

    /** The years of the calendar marked provisional, in ascending order. */
    static List<String> of(ClockProperties.Calendar calendar) {
        if (calendar == null || calendar.years() == null) {
            return List.of();
        }
        return calendar.years().entrySet().stream().filter(e -> e.getValue().provisional())
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    static void announce(ClockProperties.Calendar calendar, MeterRegistry meters) {
        for (String year : of(calendar)) {
            log.warn("The holiday calendar for {} is provisional: statutory days off only, without the State Council's "
                    + "bridging days and make-up working days (调休). Replace it with the notice for {} in "
                    + "calendar/cn-public-holidays.yml when it is published (see the enforcement-service README).", year, year);
            Gauge.builder(METER, () -> 1).description("1 for a holiday calendar year that holds statutory days only")
                    .tag("year", year).register(meters);
        }
    }
}
