package cn.luoyang.pollution.enforcement.cases.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.cases.Reinspection;
import cn.luoyang.pollution.enforcement.cases.ReinspectionDraw;
import cn.luoyang.pollution.enforcement.cases.ReinspectionFinding;
import cn.luoyang.pollution.enforcement.cases.Unit;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The case view shows a re-inspection flat, as it always has: the draw and the finding's fields side by side. */
class ReinspectionViewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DRAWN = Instant.parse("2026-11-24T02:00:00Z");
    private static final Instant FOUND = Instant.parse("2026-11-25T02:00:00Z");
    private static final Unit CITY_CG = new Unit("URBAN_MANAGEMENT", Unit.CITY);
    private static final Actor INSPECTOR = new Actor("cg-city", "HANDLER", "URBAN_MANAGEMENT@410300");

    @Test
    void aFindingShowsItsOutcomeByNameBesideTheDraw() {
        Reinspection found = new Reinspection(new ReinspectionDraw(CITY_CG, DRAWN),
                new ReinspectionFinding(ReinspectionFinding.Outcome.NOT_RESOLVED, "仍有裸土", INSPECTOR, FOUND));

        JsonNode json = JSON.valueToTree(ReinspectionView.of(found));

        assertThat(json).isEqualTo(JSON.readTree("""
                {"unit":{"department":"URBAN_MANAGEMENT","territory":"410300"},"drawnAt":"2026-11-24T02:00:00Z",
                 "finding":"NOT_RESOLVED","note":"仍有裸土",
                 "actor":{"userId":"cg-city","role":"HANDLER","unit":"URBAN_MANAGEMENT@410300"},"at":"2026-11-25T02:00:00Z"}"""));
    }

    @Test
    void aWaitingOneShowsTheDrawAndNoFinding() {
        JsonNode json = JSON.valueToTree(ReinspectionView.of(new Reinspection(new ReinspectionDraw(CITY_CG, DRAWN), null)));

        assertThat(json).isEqualTo(JSON.readTree("""
                {"unit":{"department":"URBAN_MANAGEMENT","territory":"410300"},"drawnAt":"2026-11-24T02:00:00Z",
                 "finding":null,"note":null,"actor":null,"at":null}"""));
        assertThat(ReinspectionView.of(null)).as("a case never drawn shows none").isNull();
    }
}
