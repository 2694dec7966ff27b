package cn.luoyang.pollution.enforcement.console.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenCasesMapTest {

    private final LuoyangMap map = new LuoyangMap();

    @Test
    void aSmallUrbanDistrictWithOpenCasesIsNamedBeforeItsLargerNeighbours() {
        OpenCasesMap.View view = OpenCasesMap.of(map, Map.of("410302", 3L));

        OpenCasesMap.Area laocheng = area(view, "410302");
        assertThat(laocheng.labelX()).as("老城区 has open cases: named").isNotNull();
        assertThat(laocheng.fill()).isEqualTo(OpenCasesMap.SHADES.get(3));
        assertThat(view.areas()).hasSize(14).filteredOn(a -> !a.code().equals("410302"))
                .allSatisfy(a -> assertThat(a.fill()).isEqualTo(OpenCasesMap.NONE));
        // without cases, the largest districts win the crowded centre instead
        assertThat(area(OpenCasesMap.of(map, Map.of()), "410302").labelX()).isNull();
    }

    @Test
    void namesWrittenOnTheMapNeverOverlap() {
        OpenCasesMap.View view = OpenCasesMap.of(map, Map.of("410305", 1L, "410303", 4L, "410311", 2L));
        var named = view.areas().stream().filter(a -> a.labelX() != null).toList();

        assertThat(named).hasSizeGreaterThanOrEqualTo(8);
        for (int i = 0; i < named.size(); i++) {
            for (int j = i + 1; j < named.size(); j++) {
                OpenCasesMap.Area a = named.get(i);
                OpenCasesMap.Area b = named.get(j);
                double halfWidths = (a.name().length() + b.name().length()) * view.fontSize() / 2;
                boolean overlap = Math.abs(a.labelX() - b.labelX()) < halfWidths
                        && Math.abs(a.labelY() - b.labelY()) < view.fontSize() * 1.1;
                assertThat(overlap).as("%s and %s", a.name(), b.name()).isFalse();
            }
        }
    }

    @Test
    void shadesGrowWithTheShareOfTheLargestCount() {
        assertThat(OpenCasesMap.fill(0, 8)).isEqualTo(OpenCasesMap.NONE);
        assertThat(OpenCasesMap.fill(1, 8)).isEqualTo(OpenCasesMap.SHADES.get(0));
        assertThat(OpenCasesMap.fill(5, 8)).isEqualTo(OpenCasesMap.SHADES.get(2));
        assertThat(OpenCasesMap.fill(8, 8)).isEqualTo(OpenCasesMap.SHADES.get(3));
    }

    private static OpenCasesMap.Area area(OpenCasesMap.View view, String code) {
        return view.areas().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }
}
