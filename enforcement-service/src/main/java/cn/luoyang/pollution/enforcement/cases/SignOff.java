package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;

/** How the lead unit answered a routing round: signed for it (签收) or returned it (退单), and when. */
public record SignOff(Answer answer, Instant at) {

    public enum Answer {
        ACCEPTED, RETURNED
    }
}
