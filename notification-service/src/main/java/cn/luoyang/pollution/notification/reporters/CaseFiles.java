package cn.luoyang.pollution.notification.reporters;

import java.util.Optional;

/** Case → reporters' complaints. Every write is an idempotent upsert (redelivery adds nothing). */
public interface CaseFiles {

    /** A routing round: the lead unit ({@code leadDepartment@leadTerritory}), the urgency and the first complaint. */
    void dispatched(String caseId, String leadDepartment, String leadTerritory, boolean urgent, CaseFile.Member member);

    void merged(String caseId, CaseFile.Member member);

    Optional<CaseFile> of(String caseId);
}
