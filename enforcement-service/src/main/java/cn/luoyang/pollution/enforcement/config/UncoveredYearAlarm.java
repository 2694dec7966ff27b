package cn.luoyang.pollution.enforcement.config;

import cn.luoyang.pollution.enforcement.clocks.WorkingCalendar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a missing holiday calendar loud: one warning per year in the log, and the counter
 * {@code enforcement.calendar.uncovered.days} (tag {@code year}) of days judged Monday to Friday only.
 */
final class UncoveredYearAlarm implements WorkingCalendar.UncoveredYear {

    static final String METER = "enforcement.calendar.uncovered.days";
    private static final Logger log = LoggerFactory.getLogger(UncoveredYearAlarm.class);

    private final MeterRegistry meters;
    private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

    UncoveredYearAlarm(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void judgedWithoutCalendar(int year) {
        if (warned.add(year)) {
            log.warn("No holiday calendar for {}: working-day deadlines in {} count Monday to Friday only, ignoring "
                    + "public holidays and make-up working days. Add the year to calendar/cn-public-holidays.yml "
                    + "(see the enforcement-service README).", year, year);
        }
        Counter.builder(METER).description("days judged Monday to Friday only because their year has no holiday calendar")
                .tag("year", Integer.toString(year)).register(meters).increment();
    }
}
