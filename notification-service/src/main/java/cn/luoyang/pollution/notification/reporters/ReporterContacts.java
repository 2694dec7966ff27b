package cn.luoyang.pollution.notification.reporters;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sealed contacts of reporters, by complaint id. */
public interface ReporterContacts {

    /** Idempotent: keeping the same complaint's contact twice changes nothing. */
    void keep(ReporterContact contact);

    Optional<ReporterContact> of(String complaintId);

    /** {@link #keep} for a batch; one round trip where the store allows. */
    default void keepAll(List<ReporterContact> batch) {
        batch.forEach(this::keep);
    }

    /** The contacts of a batch of complaints, by complaint id (absent: none kept yet); one read where the store allows. */
    default Map<String, ReporterContact> ofAll(Collection<String> complaintIds) {
        Map<String, ReporterContact> found = new HashMap<>();
        complaintIds.forEach(id -> of(id).ifPresent(contact -> found.put(id, contact)));
        return found;
    }
}
