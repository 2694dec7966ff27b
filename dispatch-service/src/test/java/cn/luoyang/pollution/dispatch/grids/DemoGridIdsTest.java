package cn.luoyang.pollution.dispatch.grids;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.dispatch.jurisdiction.TerritoryLookup;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The grid (网格) of every platform user is a cell the dispatcher assigns: otherwise a grid member
 * never sees a case. The demo grid member of 涧西区 answers for the cell around 中州西路.
 */
class DemoGridIdsTest {

    private static final Pattern GRID = Pattern.compile("^\\s*grid:\\s*\"?([^\"\\s]+)\"?\\s*$", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"platform-users.yml", "platform-users-test.yml"})
    void everyUsersGridIsACellOfTheLattice(String file) throws IOException {
        List<String> grids = grids(file);
        assertThat(grids).isNotEmpty();
        for (String grid : grids) {
            assertThat(Luoyang.jurisdiction().grids().byId(grid)).as("grid " + grid + " of " + file).isPresent();
        }
        TerritoryLookup.Found jianxi = (TerritoryLookup.Found) Luoyang.jurisdiction().byPoint(Luoyang.JIANXI);
        assertThat(grids).contains(jianxi.territory().gridId());
    }

    private static List<String> grids(String file) throws IOException {
        try (InputStream in = DemoGridIdsTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Matcher m = GRID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }
    }
}
