package cn.luoyang.pollution.dispatch.dispatching;

import java.time.Instant;
import java.util.List;

/** A campaign office decision on a disputed case: final and recorded. */
public record Arbitration(String leadDepartment, List<String> coHandlingDepartments, String level, String priority,
        String deadlineProfile, String decidedBy, String reason, Instant decidedAt) {

    /** The same decision signed by the person who made it (the body's {@code decidedBy} is not trusted). */
    public Arbitration signedBy(String person) {
        return new Arbitration(leadDepartment, coHandlingDepartments, level, priority, deadlineProfile, person, reason,
                decidedAt);
    }
}
