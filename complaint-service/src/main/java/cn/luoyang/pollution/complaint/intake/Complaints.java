package cn.luoyang.pollution.complaint.intake;

import java.util.Optional;

/** The complaints this service accepted. */
public interface Complaints {

    /** @throws DuplicateTicketException when a complaint with the same natural key exists */
    void insert(Complaint complaint);

    Optional<Complaint> byNaturalKey(String naturalKey);

    Optional<Complaint> byTrackingNumber(String trackingNumber);

    class DuplicateTicketException extends RuntimeException {
        public DuplicateTicketException(String naturalKey, Throwable cause) {
            super("a complaint for ticket " + naturalKey + " exists", cause);
        }
    }
}
