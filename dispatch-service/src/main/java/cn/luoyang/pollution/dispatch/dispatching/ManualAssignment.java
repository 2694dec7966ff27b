package cn.luoyang.pollution.dispatch.dispatching;

import java.util.List;

/** The campaign office dispatching a queued complaint by hand. */
public record ManualAssignment(String districtCode, String townshipCode, String gridId, String leadDepartment,
        List<String> coHandlingDepartments, String level, String priority, String deadlineProfile, String assignedBy,
        String note) {
}
