package cn.luoyang.pollution.enforcement.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where cases are kept. {@link #save} appends history and queued events atomically with the state. */
public interface Cases {

    Optional<Case> find(String caseId);

    /** @throws ConcurrentCaseUpdate when someone saved the case since it was loaded */
    void save(Case aCase);

    /** The stored cases among {@code caseIds}, by id (a batch's one read); an unknown id is simply absent. */
    default Map<String, Case> findAll(Collection<String> caseIds) {
        Map<String, Case> found = new LinkedHashMap<>();
        caseIds.forEach(id -> find(id).ifPresent(c -> found.put(id, c)));
        return found;
    }

    /**
     * Saves a batch's cases as {@link #save} saves one (a new case opens, a loaded one is updated if still at its
     * version), together.
     *
     * @throws ConcurrentCaseUpdate when any of them was stored meanwhile; the others may be written already
     */
    default void saveAll(List<Case> changed) {
        changed.forEach(this::save);
    }

    List<Case> openCases();

    List<Case> all();

    List<Case> openedBefore(Instant before);

    class ConcurrentCaseUpdate extends RuntimeException {
        public ConcurrentCaseUpdate(String caseId) {
            super("case " + caseId + " was changed concurrently");
        }
    }
}
