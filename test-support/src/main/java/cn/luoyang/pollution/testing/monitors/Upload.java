package cn.luoyang.pollution.testing.monitors;

/** The data uploads of HJ 212-2017 a simulated monitor sends, by command code: real-time, minute and hourly data. */
public enum Upload {
    REAL_TIME("2011"),
    MINUTE("2051"),
    HOUR("2061");

    private final String cn;

    Upload(String cn) {
        this.cn = cn;
    }

    public String cn() {
        return cn;
    }
}
