package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** 办结: when and how a case was closed, against which deadline, with the reply the reporter gets. */
public record Closure(Instant at, String outcome, String reply, Instant deadline, Actor actor) {

    public boolean onTime() {
        return deadline == null || !at.isAfter(deadline);
    }
}
