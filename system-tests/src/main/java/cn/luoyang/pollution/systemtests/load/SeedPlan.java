package cn.luoyang.pollution.systemtests.load;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Where seeded lifecycle number {@code i} goes: which template it copies, the (past) day it was
 * filed and its tracking number on that day. Lifecycles are spread evenly over the {@code days}
 * days before {@code today} (the city's date when seeding starts), every template on every day;
 * sequences on a day count up from {@code firstSequence}. Seeded days are all in the past, so
 * complaint-service's counter (which only ever hands out numbers for its own today) never meets them.
 */
public record SeedPlan(int templates, long lifecycles, LocalDate today, int days, int firstSequence) {

    /** The tracking number's date is the city's (北京时间) date of intake. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    /**
     * complaint-service's numbers (ten permuted digits) and the seeder's own (six: a seeded day's plain
     * sequence; the lengths differ, so a seeded number can never be one the service hands out).
     */
    private static final Pattern TRACKING_NUMBER = Pattern.compile("LY\\d{8}-(?:\\d{10}|\\d{6})");
    private static final long MAX_SEQUENCE = 999_999;

    public SeedPlan {
        if (templates < 1 || lifecycles < 0 || days < 1 || days > 3660 || firstSequence < 1) {
            throw new IllegalArgumentException("templates ≥ 1, lifecycles ≥ 0, 1 ≤ days ≤ 3660, firstSequence ≥ 1");
        }
        long perDay = (lifecycles + days - 1) / days;
        long last = firstSequence + ((perDay + templates - 1) / templates) * templates - 1;
        if (last > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence " + last + " does not fit six digits: use more days or a lower firstSequence");
        }
    }

    public int templateOf(long i) {
        return (int) (i % templates);
    }

    public LocalDate dayOf(long i) {
        return today.minusDays(1 + (i / templates) % days);
    }

    public long sequenceOf(long i) {
        return firstSequence + (i / ((long) templates * days)) * templates + i % templates;
    }

    public String trackingNumberOf(long i) {
        return format(dayOf(i), sequenceOf(i));
    }

    /** The first tracking number this plan hands out on each seeded day (at most {@code days} of them). */
    public java.util.List<String> firstOfEachDay() {
        long n = Math.min(lifecycles, (long) templates * days);
        return java.util.stream.LongStream.iterate(0, i -> i < n, i -> i + templates).mapToObj(this::trackingNumberOf).toList();
    }

    public static String format(LocalDate day, long sequence) {
        return String.format("LY%04d%02d%02d-%06d", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), sequence);
    }

    public static boolean isTrackingNumber(String s) {
        return s != null && TRACKING_NUMBER.matcher(s).matches();
    }

    public static LocalDate dayOf(String trackingNumber) {
        return LocalDate.of(Integer.parseInt(trackingNumber.substring(2, 6)), Integer.parseInt(trackingNumber.substring(6, 8)),
                Integer.parseInt(trackingNumber.substring(8, 10)));
    }

    static Pattern trackingNumberPattern() {
        return TRACKING_NUMBER;
    }
}
