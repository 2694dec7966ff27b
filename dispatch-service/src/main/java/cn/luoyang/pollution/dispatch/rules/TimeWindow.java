package cn.luoyang.pollution.dispatch.rules;

import java.time.LocalTime;

/** A daily window [from, to) in minutes of the day; wraps midnight when from is after to (22:00–06:00). */
record TimeWindow(int from, int to) {

    static final TimeWindow ALL_DAY = new TimeWindow(0, 24 * 60);

    static TimeWindow of(String from, String to) {
        if (from == null && to == null) {
            return ALL_DAY;
        }
        return new TimeWindow(minutes(LocalTime.parse(from)), minutes(LocalTime.parse(to)));
    }

    boolean contains(LocalTime time) {
        int m = minutes(time);
        return from <= to ? m >= from && m < to : m >= from || m < to;
    }

    boolean overlaps(TimeWindow other) {
        for (int[] a : pieces()) {
            for (int[] b : other.pieces()) {
                if (a[0] < b[1] && b[0] < a[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    private int[][] pieces() {
        return from <= to ? new int[][] {{from, to}} : new int[][] {{from, 24 * 60}, {0, to}};
    }

    private static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
