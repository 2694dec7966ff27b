package cn.luoyang.pollution.dispatch.dispatching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.dispatch.duplicates.OpenCase;
import cn.luoyang.pollution.dispatch.duplicates.OpenCases;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which reports and case acts wait for each other: decided by the keys, so no timing is involved. */
class CaseLockTest {

    private static final double RADIUS = 200;
    private static final double METRES_PER_DEGREE = 111_195.0;

    private final OpenCases openCases = new OpenCases(RADIUS, Duration.ofHours(24));
    private final CaseLock lock = new CaseLock(openCases);
    private final Random random = new Random(7);

    @Test
    void twoReportsThatCouldMergeWithEachOtherAlwaysWaitForEachOther() {
        for (int i = 0; i < 20_000; i++) {
            LonLat a = somewhereInLuoyang();
            LonLat b = within(a, RADIUS * random.nextDouble());
            if (a.metresTo(b) > RADIUS) {
                continue; // the flat offset overshot by a hair: not a pair that could merge
            }

            assertThat(lock.conflict(lock.complaintKeys("CASE-a" + i, "AIR_OPEN_BURNING", a),
                    lock.complaintKeys("CASE-b" + i, "AIR_OPEN_BURNING", b))).as("%s and %s", a, b).isTrue();
        }
    }

    @Test
    void aReportAndAnActOnTheOpenCaseItCouldJoinWaitForEachOther() {
        for (int i = 0; i < 5_000; i++) {
            LonLat at = somewhereInLuoyang();
            openCases.open(new OpenCase("CASE-" + i, "AIR_OPEN_BURNING", at, Instant.EPOCH));
            LonLat report = within(at, RADIUS * random.nextDouble());
            if (at.metresTo(report) > RADIUS) {
                continue;
            }

            assertThat(lock.conflict(lock.caseKeys("CASE-" + i), lock.complaintKeys("CASE-r" + i, "AIR_OPEN_BURNING", report)))
                    .isTrue();
        }
    }

    @Test
    void twoActsOnOneCaseWaitForEachOtherEvenWithoutAPoint() {
        assertThat(lock.conflict(lock.caseKeys("CASE-LY-1"), lock.caseKeys("CASE-LY-1"))).isTrue();
        assertThat(lock.conflict(lock.caseKeys("CASE-LY-1"), lock.complaintKeys("CASE-LY-1", "AIR_OPEN_BBQ", null))).isTrue();
    }

    @Test
    void mostReportsFarApartOrOfAnotherCategoryRunInParallel() {
        int waits = 0;
        int pairs = 2_000;
        for (int i = 0; i < pairs; i++) {
            LonLat a = somewhereInLuoyang();
            LonLat far = within(a, 2_000 + 5_000 * random.nextDouble());
            List<Object> first = lock.complaintKeys("CASE-a" + i, "AIR_OPEN_BURNING", a);
            waits += lock.conflict(first, lock.complaintKeys("CASE-b" + i, "AIR_OPEN_BURNING", far)) ? 1 : 0;
            waits += lock.conflict(first, lock.complaintKeys("CASE-c" + i, "AIR_MUCK_TRUCK", a)) ? 1 : 0;
        }
        // ten keys each over 1,024 stripes: about one pair in ten shares a stripe by chance
        assertThat(waits).isLessThan(2 * pairs / 5);
    }

    @Test
    void workRunsUnderTheLockAndItsResultIsReturned() {
        assertThat(lock.onComplaint("CASE-1", "AIR_OPEN_BURNING", new LonLat(112.37, 34.65), () -> "done")).isEqualTo("done");
        assertThat(lock.onCase("CASE-1", () -> 42)).isEqualTo(42);
    }

    private LonLat somewhereInLuoyang() {
        return new LonLat(111.2 + 1.6 * random.nextDouble(), 33.6 + 1.3 * random.nextDouble());
    }

    private LonLat within(LonLat from, double metres) {
        double bearing = 2 * Math.PI * random.nextDouble();
        double dLat = metres * Math.cos(bearing) / METRES_PER_DEGREE;
        double dLon = metres * Math.sin(bearing) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(from.latitude())));
        return new LonLat(from.longitude() + dLon, from.latitude() + dLat);
    }
}
