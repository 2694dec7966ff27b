package cn.luoyang.pollution.contracts.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code case.progressed.v1} record written before each fact had its own event is read as that fact,
 * with the details the old producer put into its note (as it wrote them) parsed back out.
 */
@SuppressWarnings("deprecation")
class CaseProgressedUpgradeTest {

    private static final Instant AT = Instant.parse("2026-11-28T14:05:00Z");
    private static final Actor HANDLER = new Actor("cg-jianxi", "HANDLER", "URBAN_MANAGEMENT@410305");

    private static CaseProgressed old(String action, List<String> evidence, String note) {
        return new CaseProgressed("e-1", "CASE-1", action, "ACCEPTED", "INSPECTING", evidence, note, HANDLER, AT, 1);
    }

    @Test
    void anInspectionStartIsACaseInspected() {
        assertThat(old("INSPECTION_STARTED", List.of("arrival.jpg"), "已到场").upgrade())
                .contains(new CaseInspected("e-1", "CASE-1", List.of("arrival.jpg"), "已到场", HANDLER, AT, 1));
    }

    @Test
    void aReminderGivesBackItsClockAndDeadline() {
        var upgraded = old("DEADLINE_REMINDER", List.of(), "SIGN due at 2026-11-28T16:05:00Z").upgrade();
        assertThat(upgraded).contains(new DeadlineApproaching("e-1", "CASE-1", ClockName.SIGN, null,
                Instant.parse("2026-11-28T16:05:00Z"), AT, 1));
    }

    @Test
    void aRectificationOrderGivesBackItsDeadlineAndNote() {
        assertThat(old("RECTIFICATION_ORDERED", List.of("order.pdf"), "rectify by 2026-12-05T02:00:00Z; 覆盖裸土").upgrade())
                .contains(new RectificationOrdered("e-1", "CASE-1", Instant.parse("2026-12-05T02:00:00Z"), List.of("order.pdf"),
                        "覆盖裸土", HANDLER, AT, 1));
    }

    @Test
    void aCheckDueGivesBackTheOrdersDeadlineTheUnitAndTheGrid() {
        var note = "rectification deadline 2026-12-05T02:00:00Z passed: re-inspection due by URBAN_MANAGEMENT@410305 / grid 410305-0017";
        assertThat(old("RECTIFICATION_CHECK_DUE", List.of(), note).upgrade())
                .contains(new RectificationCheckDue("e-1", "CASE-1", Instant.parse("2026-12-05T02:00:00Z"),
                        "URBAN_MANAGEMENT@410305", "410305-0017", AT, 1));
    }

    @Test
    void aFailedCheckIsARectificationCheckedThatFoundItUnrectified() {
        assertThat(old("RECTIFICATION_CHECK_FAILED", List.of("recheck.jpg"), "仍未覆盖").upgrade())
                .contains(new RectificationChecked("e-1", "CASE-1", false, List.of("recheck.jpg"), "仍未覆盖", HANDLER, AT, 1));
    }

    @Test
    void aPenaltyGivesBackItsKindAndAmount() {
        assertThat(old("PENALIZED", List.of("decision.pdf"), "FINE 20000 yuan; 当场").upgrade())
                .contains(new CasePenalized("e-1", "CASE-1", "FINE", new BigDecimal("20000"), null, List.of("decision.pdf"),
                        "当场", HANDLER, AT, 1));
    }

    @Test
    void anExtensionRequestGivesBackItsDaysAndReason() {
        assertThat(old("EXTENSION_REQUESTED", List.of(), "10 days: 需要第三方检测").upgrade())
                .contains(new ExtensionRequested("e-1", "CASE-1", 10, "需要第三方检测", HANDLER, AT, 1));
    }

    @Test
    void aDrawGivesBackTheReinspectingUnit() {
        assertThat(old("DRAWN_FOR_REINSPECTION", List.of(), "by URBAN_MANAGEMENT@410302").upgrade())
                .contains(new CaseDrawnForReinspection("e-1", "CASE-1", "URBAN_MANAGEMENT@410302", HANDLER, AT, 1));
    }

    @Test
    void anActionNoFactNamesIsLeftOut() {
        assertThat(old("SOMETHING_ELSE", List.of(), null).upgrade()).isEmpty();
    }
}
