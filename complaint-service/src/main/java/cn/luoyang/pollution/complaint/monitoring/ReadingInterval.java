package cn.luoyang.pollution.complaint.monitoring;

import java.util.Arrays;
import java.util.Optional;

/** The data uploads this receiver takes, by command code: real-time (实时数据), minute (分钟数据), hourly (小时数据). */
public enum ReadingInterval {
    REAL_TIME("2011", "real-time"),
    MINUTE("2051", "minute"),
    HOUR("2061", "hour");

    private final String cn;
    private final String label;

    ReadingInterval(String cn, String label) {
        this.cn = cn;
        this.label = label;
    }

    public String cn() {
        return cn;
    }

    public String label() {
        return label;
    }

    public static Optional<ReadingInterval> ofCommand(String cn) {
        return Arrays.stream(values()).filter(i -> i.cn.equals(cn)).findFirst();
    }
}
