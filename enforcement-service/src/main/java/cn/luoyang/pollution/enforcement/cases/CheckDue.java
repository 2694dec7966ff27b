package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;

/**
 * Why a {@link RectificationCheck} is owed: the rectification order it belongs to (the RECTIFY clock's
 * generation), that order's deadline which passed, since when the check is due (the clock's overdue
 * moment, or the hand-recorded check's time), and who must do it: the lead unit ({@code gridId} names
 * the case's grid, if any).
 */
public record CheckDue(int order, Instant deadline, Instant dueSince, Unit unit, String gridId) {
}
