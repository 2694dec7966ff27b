package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.notification.Satisfaction;
import java.time.Instant;

/** 回访: a reporter's answer to the closure survey. */
public record Feedback(String complaintId, Satisfaction rating, int closureNumber, Instant at) {

    public boolean satisfied() {
        return rating != null && rating.satisfied();
    }
}
