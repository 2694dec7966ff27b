package cn.luoyang.pollution.enforcement.console.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorMarksTest {

    private static final GeoPoint SOURCE = new GeoPoint(112.40, 34.66, GeoPoint.Datum.GCJ02);
    private static final GeoPoint CASE_AT = new GeoPoint(112.30, 34.60, GeoPoint.Datum.GCJ02);

    @Test
    void everyRegisteredMonitorIsDrawnAtItsSourceInTheStateOfItsOpenCases() {
        List<MonitorMarks.Mark> marks = MonitorMarks.of(
                List.of(new MonitorMarks.Registered("MN-B", "工地乙", "410305", SOURCE),
                        new MonitorMarks.Registered("MN-A", "工地甲", "410305", SOURCE)),
                List.of(new MonitorMarks.Fault("MN-B", "OFFLINE", "CASE-2", "LY-2", CASE_AT),
                        new MonitorMarks.Fault("MN-B", "EXCEEDANCE", "CASE-1", "LY-1", CASE_AT),
                        new MonitorMarks.Fault("MN-C", "OFFLINE", "CASE-3", "LY-3", CASE_AT)));

        assertThat(marks).extracting(MonitorMarks.Mark::mn).containsExactly("MN-A", "MN-B", "MN-C");
        assertThat(marks).extracting(MonitorMarks.Mark::state).containsExactly("OK", "BOTH", "OFFLINE");
        assertThat(marks.get(0).cases()).isEmpty();
        assertThat(marks.get(1).cases()).extracting(MonitorMarks.Fault::caseId).containsExactly("CASE-1", "CASE-2");
        double[] source = LuoyangMap.project(SOURCE);
        double[] caseAt = LuoyangMap.project(CASE_AT);
        assertThat(marks.get(1).x()).as("a registered monitor sits at its source").isEqualTo(source[0]);
        assertThat(marks.get(2).x()).as("one the registry does not list sits at its case").isEqualTo(caseAt[0]);
        assertThat(marks.get(2).source()).isNull();
    }
}
