package cn.luoyang.pollution.notification.reporters;

import java.util.List;
import java.util.Optional;

/**
 * What this service knows of a case: its lead unit (department and territory, from the latest
 * routing round) and every complaint (the first and the merged co-reports, 合并件) whose reporters
 * hear about it. {@code leadTerritory} is null for a file kept before territories were recorded.
 */
public record CaseFile(String caseId, String leadDepartment, String leadTerritory, boolean urgent, List<Member> members) {

    public CaseFile {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** The first reporter's tracking number, if any. */
    public Optional<String> trackingNumber() {
        return members.stream().map(Member::trackingNumber).filter(t -> t != null && !t.isBlank()).findFirst();
    }

    public Optional<Member> member(String complaintId) {
        return members.stream().filter(m -> m.complaintId().equals(complaintId)).findFirst();
    }

    public record Member(String complaintId, String trackingNumber) {
    }
}
