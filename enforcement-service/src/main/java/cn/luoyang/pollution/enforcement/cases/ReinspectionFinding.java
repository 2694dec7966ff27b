package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/** 抽查结论: what the drawn unit found on site, with a note, signed and dated. */
public record ReinspectionFinding(Outcome outcome, String note, Actor actor, Instant at) {

    /** CONFIRMED: the problem stays resolved; NOT_RESOLVED: it is back, and the case reopens. */
    public enum Outcome {
        CONFIRMED, NOT_RESOLVED
    }

    public boolean resolved() {
        return outcome == Outcome.CONFIRMED;
    }
}
