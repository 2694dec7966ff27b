package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;

/** 回访: a reporter's answer to the closure survey: SATISFIED, BASICALLY_SATISFIED or UNSATISFIED. */
public record Feedback(String complaintId, String rating, int closureNumber, Instant at) {

    public boolean satisfied() {
        return "SATISFIED".equals(rating) || "BASICALLY_SATISFIED".equals(rating);
    }
}
