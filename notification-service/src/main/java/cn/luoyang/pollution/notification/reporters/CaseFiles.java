package cn.luoyang.pollution.notification.reporters;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Case → reporters' complaints. Every write is an idempotent upsert (redelivery adds nothing). */
public interface CaseFiles {

    /** A routing round: the lead unit ({@code leadDepartment@leadTerritory}), the urgency and the first complaint. */
    void dispatched(String caseId, String leadDepartment, String leadTerritory, boolean urgent, CaseFile.Member member);

    void merged(String caseId, CaseFile.Member member);

    Optional<CaseFile> of(String caseId);

    /**
     * The changes of a batch, in order: each a {@link #dispatched} when it carries a lead, else a {@link #merged};
     * one round trip where the store allows.
     */
    default void recordAll(List<Change> changes) {
        changes.forEach(c -> {
            if (c.lead() != null) {
                dispatched(c.caseId(), c.lead().department(), c.lead().territory(), c.lead().urgent(), c.member());
            } else {
                merged(c.caseId(), c.member());
            }
        });
    }

    /** The files of a batch of cases, by case id (absent: none kept); one read where the store allows. */
    default Map<String, CaseFile> ofAll(Collection<String> caseIds) {
        Map<String, CaseFile> found = new HashMap<>();
        caseIds.forEach(id -> of(id).ifPresent(file -> found.put(id, file)));
        return found;
    }

    /** A complaint joins a case; {@code lead} is the routing round that made it so, null for a merge (合并). */
    record Change(String caseId, CaseFile.Member member, Lead lead) {
    }

    /** The lead unit and urgency a routing round sets. */
    record Lead(String department, String territory, boolean urgent) {
    }
}
