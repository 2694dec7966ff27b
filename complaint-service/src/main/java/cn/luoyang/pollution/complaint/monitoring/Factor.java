package cn.luoyang.pollution.complaint.monitoring;

import java.util.Arrays;
import java.util.Optional;

/** The monitored factors (监测因子) a construction-site dust monitor reports, by their HJ 212-2017 codes. */
public enum Factor {
    TSP("a34001"),
    PM10("a34002"),
    PM2_5("a34004"),
    /** A-weighted sound level (A 计权声级). */
    NOISE("LA");

    private final String code;

    Factor(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Factor> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
