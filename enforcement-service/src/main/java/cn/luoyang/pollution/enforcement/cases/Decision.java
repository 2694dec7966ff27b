package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/**
 * 审批决定: a second person's yes or no on something the lead unit asked for (a closure, an extension),
 * who gave it, when, and with what note (an extension's note goes to the timeline only, so it is null here).
 */
public record Decision(boolean approved, Actor by, Instant at, String note) {
}
