package cn.luoyang.pollution.dispatch.grids;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.dispatch.grids.persistence.MongoRosters;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How fresh the grid roster an instance names teams from is: its version number read at most once per ttl (data
 * commands counted on the wire), a roster saved here in force at once, one saved elsewhere once the ttl has passed.
 * The ttl's clock is moved by hand: a count, not a timing.
 */
class GridRosterTtlTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final String GRID = "410305-0017";

    private final World world = new World();
    private final CountedMongo mongo = new CountedMongo("dispatch");
    private final AtomicLong nanos = new AtomicLong();
    private final GridRoster here = roster();
    private final GridRoster elsewhere = roster();

    private GridRoster roster() {
        return new GridRoster(new MongoRosters(mongo.template()), id -> true, world.clock, TTL, nanos::get);
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static GridTeam ledBy(String userId) {
        return new GridTeam(GRID, new GridTeam.Member(userId, "网格长 " + userId), List.of());
    }

    @Test
    void aHundredCasesOverThreeSecondsReadTheVersionNumberOnce() {
        here.team(GRID);
        mongo.reset();

        for (int i = 0; i < 100; i++) {
            here.team(GRID);
            nanos.addAndGet(Duration.ofMillis(30).toNanos());
        }

        assertThat(mongo.commands()).as("100 uses over 3 s: one read of the version number, when the ttl ran out").isEqualTo(1);
    }

    @Test
    void aRosterSavedHereNamesTheTeamAtOnceOneSavedElsewhereOnceTheTtlHasPassed() {
        assertThat(here.team(GRID)).isEmpty();

        here.putTeam(ledBy("lead-here"), "campaign");
        assertThat(here.team(GRID).orElseThrow().leader().userId()).as("saved here: at once").isEqualTo("lead-here");

        elsewhere.putTeam(ledBy("lead-elsewhere"), "campaign");
        assertThat(here.team(GRID).orElseThrow().leader().userId()).as("within the ttl").isEqualTo("lead-here");
        nanos.addAndGet(TTL.toNanos());
        assertThat(here.team(GRID).orElseThrow().leader().userId()).isEqualTo("lead-elsewhere");
        assertThat(here.current().version()).isEqualTo(2);
    }
}
