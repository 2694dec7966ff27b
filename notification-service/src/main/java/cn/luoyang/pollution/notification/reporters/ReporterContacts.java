package cn.luoyang.pollution.notification.reporters;

import java.util.Optional;

/** The sealed contacts of reporters, by complaint id. */
public interface ReporterContacts {

    /** Idempotent: keeping the same complaint's contact twice changes nothing. */
    void keep(ReporterContact contact);

    Optional<ReporterContact> of(String complaintId);
}
