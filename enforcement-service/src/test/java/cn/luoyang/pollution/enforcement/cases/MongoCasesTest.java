package cn.luoyang.pollution.enforcement.cases;

import static cn.luoyang.pollution.enforcement.cases.CaseMother.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The case store against the embedded MongoDB through the official driver. */
class MongoCasesTest {

    final MongoFixture mongo = new MongoFixture();
    final MongoTemplate template = mongo.replica();
    final MongoCases cases = new MongoCases(template, new EventCodec());

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void caseSurvivesTheRoundTripWithItsSignedHistoryIntact() {
        Instant withNanos = Instant.parse("2026-11-23T02:00:00.123456789Z");
        Case c = Case.open(Dispatches.routine("CASE-M1", "URBAN_MANAGEMENT", "410305", "ECOLOGY_ENVIRONMENT"), withNanos, RULES);
        cases.save(c);
        Case loaded = cases.find("CASE-M1").orElseThrow();
        loaded.accept(LEAD, withNanos.plusSeconds(60), "签收", RULES);
        cases.save(loaded);

        Case again = cases.find("CASE-M1").orElseThrow();
        assertThat(again.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(again.lead()).isEqualTo(new Unit("URBAN_MANAGEMENT", "410305"));
        assertThat(again.coHandlers()).containsExactly(new Unit("ECOLOGY_ENVIRONMENT", "410305"));
        assertThat(again.territory().gridId()).isEqualTo("410305-0017");
        assertThat(again.dispatchTrace()).hasSize(2);
        assertThat(again.history().entries()).extracting(HistoryEntry::action).containsExactly("DISPATCHED", "ACCEPTED");
        assertThat(again.history().verify()).isTrue();
        assertThat(again.newEvents()).isEmpty();
        assertThat(again.newHistory()).isEmpty();
    }

    @Test
    void savingOnlyAppendsHistoryAndNeverRewritesStoredEntries() {
        cases.save(CaseMother.dispatched("CASE-M2"));
        List<Document> before = template.findById("CASE-M2", Document.class, "cases").getList("history", Document.class);

        Case c = cases.find("CASE-M2").orElseThrow();
        c.accept(LEAD, T0.plusSeconds(600), null, RULES);
        c.startInspection(LEAD, T0.plusSeconds(1200), List.of(), null);
        cases.save(c);

        List<Document> after = template.findById("CASE-M2", Document.class, "cases").getList("history", Document.class);
        assertThat(after).hasSize(3);
        assertThat(after.subList(0, 1)).isEqualTo(before);
    }

    @Test
    void staleCopyCannotOverwriteANewerSave() {
        cases.save(CaseMother.dispatched("CASE-M3"));
        Case first = cases.find("CASE-M3").orElseThrow();
        Case stale = cases.find("CASE-M3").orElseThrow();
        first.accept(LEAD, T0.plusSeconds(60), null, RULES);
        cases.save(first);
        stale.returnCase(LEAD, T0.plusSeconds(90), "NOT_OUR_DUTY", "x");

        assertThatThrownBy(() -> cases.save(stale)).isInstanceOf(Cases.ConcurrentCaseUpdate.class);
        assertThat(cases.find("CASE-M3").orElseThrow().state()).isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void openingTheSameCaseTwiceIsDetected() {
        cases.save(CaseMother.dispatched("CASE-M4"));
        assertThatThrownBy(() -> cases.save(CaseMother.dispatched("CASE-M4"))).isInstanceOf(Cases.ConcurrentCaseUpdate.class);
    }
}
