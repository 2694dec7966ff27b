package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;

/** 抽查: the unit drawn to look at a closed case again (never the unit that led it), and when it was drawn. */
public record ReinspectionDraw(Unit unit, Instant drawnAt) {
}
