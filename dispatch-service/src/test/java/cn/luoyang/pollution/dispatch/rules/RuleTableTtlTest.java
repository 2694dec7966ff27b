package cn.luoyang.pollution.dispatch.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.dispatch.jurisdiction.District;
import cn.luoyang.pollution.dispatch.rules.json.SeedTable;
import cn.luoyang.pollution.dispatch.rules.persistence.MongoRuleTables;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.testing.CountedMongo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How fresh the rule table an instance decides with is: its version number is read from the store at most once per
 * ttl (data commands counted on the wire), a table saved through this instance is in force here at once, one saved
 * through another instance once the ttl has passed. The ttl's clock is moved by hand: a count, not a timing.
 */
class RuleTableTtlTest {

    private static final Duration TTL = Duration.ofSeconds(2);

    private final World world = new World();
    private final CountedMongo mongo = new CountedMongo("dispatch");
    private final AtomicLong nanos = new AtomicLong();
    private final RuleBook here = book();
    private final RuleBook elsewhere = book();

    private RuleBook book() {
        RuleBook book = new RuleBook(new MongoRuleTables(mongo.template()), new RuleTableValidation(world.catalogue,
                world.jurisdiction.districts().all().stream().map(District::code).toList()), world.clock, TTL, nanos::get);
        book.start(SeedTable::defaults);
        return book;
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private void later(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private static Rule described(Rule r, String description) {
        return new Rule(r.id(), r.precedence(), description, r.when(), r.then());
    }

    @Test
    void aHundredDecisionsOverThreeSecondsReadTheVersionNumberOnce() {
        here.engine();
        mongo.reset();

        for (int i = 0; i < 100; i++) {
            here.engine();
            later(Duration.ofMillis(30));
        }

        assertThat(mongo.commands()).as("100 uses over 3 s: one read of the version number, when the ttl ran out").isEqualTo(1);
    }

    @Test
    void aTableSavedThroughThisInstanceDecidesHereAtOnce() {
        here.engine();
        Rule first = here.current().rules().get(0);

        RuleTable saved = here.put(described(first, "changed here"), "攻坚办", "test");

        assertThat(here.engine().table().version()).isEqualTo(saved.version()).isEqualTo(2);
        assertThat(here.engine().table().rules().get(0).description()).isEqualTo("changed here");
    }

    @Test
    void aTableSavedThroughAnotherInstanceDecidesHereOnceTheTtlHasPassed() {
        here.engine();
        Rule first = here.current().rules().get(0);

        elsewhere.put(described(first, "changed elsewhere"), "攻坚办", "test");
        later(TTL.minusMillis(1));
        assertThat(here.engine().table().version()).as("within the ttl: the version read before").isEqualTo(1);
        later(Duration.ofMillis(1));

        assertThat(here.engine().table().version()).isEqualTo(2);
        assertThat(here.engine().table().rules().get(0).description()).isEqualTo("changed elsewhere");
    }

    @Test
    void anEditThroughAnInstanceThatHasNotSeenTheLatestTableIsMadeOnTheLatest() {
        here.engine();
        Rule first = here.current().rules().get(0);
        Rule second = here.current().rules().get(1);
        elsewhere.put(described(first, "changed elsewhere"), "攻坚办 A", "test");

        RuleTable saved = here.put(described(second, "changed here"), "攻坚办 B", "test");

        assertThat(saved.version()).isEqualTo(3);
        assertThat(saved.rules().get(0).description()).isEqualTo("changed elsewhere");
        assertThat(saved.rules().get(1).description()).isEqualTo("changed here");
        assertThat(here.engine().table()).isEqualTo(saved);
    }
}
