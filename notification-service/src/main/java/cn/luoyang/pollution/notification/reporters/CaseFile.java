package cn.luoyang.pollution.notification.reporters;

import java.util.List;
import java.util.Optional;

/**
 * What this service knows of a case: its lead department and every complaint (the first and the
 * merged co-reports, 合并件) whose reporters hear about it.
 */
public record CaseFile(String caseId, String leadDepartment, boolean urgent, List<Member> members) {

    public CaseFile {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public Optional<Member> member(String complaintId) {
        return members.stream().filter(m -> m.complaintId().equals(complaintId)).findFirst();
    }

    public record Member(String complaintId, String trackingNumber) {
    }
}
