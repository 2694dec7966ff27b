package cn.luoyang.pollution.testing.monitors;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;

/**
 * A construction site's dust and noise over a day, plausible enough for tests and the demo: PM10 around the
 * site's base level, higher in working hours (earthworks, trucks) and with a morning and an evening peak,
 * wandering as a first-order autoregressive walk; PM2.5 about half of PM10, TSP about 1.6 times; noise
 * 58–70 dB(A) by day, 45 dB(A) at night. Seeded, so a test sees the same curve every run.
 */
final class DustCurve {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final double basePm10;
    private final Random random;
    private double drift;

    DustCurve(double basePm10, long seed) {
        this.basePm10 = basePm10;
        this.random = new Random(seed);
    }

    /** PM10, PM2.5, TSP (µg/m³) and LA (dB(A)) at the given time. */
    double[] at(Instant time) {
        int hour = time.atZone(BEIJING).getHour();
        boolean working = hour >= 7 && hour < 19;
        double peaks = Math.exp(-Math.pow(hour - 8, 2) / 4) + Math.exp(-Math.pow(hour - 17, 2) / 4);
        drift = 0.8 * drift + random.nextGaussian() * 0.08;
        double pm10 = Math.max(5, basePm10 * (working ? 1.3 : 0.8) * (1 + 0.4 * peaks) * (1 + drift));
        double noise = working ? 58 + 12 * random.nextDouble() : 45 + 3 * random.nextDouble();
        return new double[] {pm10, pm10 * (0.45 + 0.1 * random.nextDouble()), pm10 * 1.6, noise};
    }
}
