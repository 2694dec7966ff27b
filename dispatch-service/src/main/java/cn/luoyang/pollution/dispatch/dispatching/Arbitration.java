package cn.luoyang.pollution.dispatch.dispatching;

import java.time.Instant;
import java.util.List;

/** A campaign office decision on a disputed case: final and recorded. */
public record Arbitration(String leadDepartment, List<String> coHandlingDepartments, String level, String priority,
        String deadlineProfile, String decidedBy, String reason, Instant decidedAt) {
}
