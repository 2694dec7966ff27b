package cn.luoyang.pollution.dispatch.dispatching;

import java.util.List;

/** The campaign office dispatching a queued complaint by hand. */
public record ManualAssignment(String districtCode, String townshipCode, String gridId, String leadDepartment,
        List<String> coHandlingDepartments, String level, String priority, String deadlineProfile, String assignedBy,
        String note) {

    /** The same assignment signed by the person who made it (the body's {@code assignedBy} is not trusted). */
    public ManualAssignment signedBy(String person) {
        return new ManualAssignment(districtCode, townshipCode, gridId, leadDepartment, coHandlingDepartments, level,
                priority, deadlineProfile, person, note);
    }
}
