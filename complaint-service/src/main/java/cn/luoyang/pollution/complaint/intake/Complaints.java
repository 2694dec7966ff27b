package cn.luoyang.pollution.complaint.intake;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The complaints this service accepted. */
public interface Complaints {

    /** @throws DuplicateTicketException when a complaint with the same natural key exists */
    void insert(Complaint complaint);

    /**
     * Inserts a batch in one write; a complaint whose ticket (natural key) is stored already is left out.
     *
     * @return the ids of the complaints written
     */
    Set<String> insertAll(List<Complaint> batch);

    Optional<Complaint> byNaturalKey(String naturalKey);

    /** The complaints stored under these natural keys, in one read, by natural key. */
    Map<String, Complaint> byNaturalKeys(Collection<String> naturalKeys);

    Optional<Complaint> byTrackingNumber(String trackingNumber);

    class DuplicateTicketException extends RuntimeException {
        public DuplicateTicketException(String naturalKey, Throwable cause) {
            super("a complaint for ticket " + naturalKey + " exists", cause);
        }
    }
}
