package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where cases are kept. {@link #save} appends history and queued events atomically with the state. */
public interface Cases {

    Optional<Case> find(String caseId);

    /** @throws ConcurrentCaseUpdate when someone saved the case since it was loaded */
    void save(Case aCase);

    List<Case> openCases();

    List<Case> all();

    List<Case> openedBefore(Instant before);

    class ConcurrentCaseUpdate extends RuntimeException {
        public ConcurrentCaseUpdate(String caseId) {
            super("case " + caseId + " was changed concurrently");
        }
    }
}
