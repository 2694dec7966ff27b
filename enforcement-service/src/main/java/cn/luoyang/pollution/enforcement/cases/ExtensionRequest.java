package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** 延期申请: what the lead unit asked for: a number of days, with a reason. */
public record ExtensionRequest(int days, String reason, Actor by, Instant at) {
}
