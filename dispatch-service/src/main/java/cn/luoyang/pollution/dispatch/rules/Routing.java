package cn.luoyang.pollution.dispatch.rules;

import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import java.util.List;

/** The rule table's answer: who leads, who helps, at which level, how urgently, and why. */
public record Routing(String ruleId, int ruleVersion, String leadDepartment, List<String> coHandlingDepartments,
        String level, String priority, String deadlineProfile, List<TraceStep> trace) {
}
