package cn.luoyang.pollution.enforcement.console.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridLinesTest {

    private static Map<String, Object> feature(String id, double lon) {
        List<List<Double>> ring = List.of(List.of(lon, 34.65), List.of(lon + 0.02, 34.65), List.of(lon + 0.02, 34.67),
                List.of(lon, 34.65));
        return Map.of("type", "Feature", "id", id, "geometry", Map.of("type", "MultiPolygon", "coordinates", List.of(List.of(ring))));
    }

    @Test
    void theAskedGridIsTheOutlineAndTheOthersItsNeighboursOnTheDistrictMapsProjection() {
        GridLines lines = GridLines.of("410305-0017", Map.of("features",
                List.of(feature("410305-0016", 112.36), feature("410305-0017", 112.38))));

        assertThat(lines.path()).startsWith(String.format(Locale.ROOT, "M%.2f %.2fL", LuoyangMap.x(112.38), LuoyangMap.y(34.65)))
                .endsWith("Z");
        assertThat(lines.neighbours()).extracting(GridLines.Cell::id).containsExactly("410305-0016");
    }

    @Test
    void anAnswerWithoutTheAskedGridDrawsNothing() {
        assertThat(GridLines.of("410305-0017", Map.of("features", List.of(feature("410305-0016", 112.36))))).isNull();
        assertThat(GridLines.of("410305-0017", Map.of())).isNull();
    }
}
