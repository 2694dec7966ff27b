package cn.luoyang.pollution.notification.reporters;

import java.util.Optional;

/** Case → reporters' complaints. Every write is an idempotent upsert (redelivery adds nothing). */
public interface CaseFiles {

    void dispatched(String caseId, String leadDepartment, boolean urgent, CaseFile.Member member);

    void merged(String caseId, CaseFile.Member member);

    Optional<CaseFile> of(String caseId);
}
