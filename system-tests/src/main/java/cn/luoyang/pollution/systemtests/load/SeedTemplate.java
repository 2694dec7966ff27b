package cn.luoyang.pollution.systemtests.load;

import java.time.LocalDate;
import java.util.List;

/**
 * One real complaint lifecycle, read back from every service database after it was driven to
 * CLOSED: the complaint, its decision, both case documents, the reporter contact, the SMS
 * messages and records, the survey (whatever documents mention its tracking number or complaint id).
 *
 * @param complaintNamespace {@code database.collection} of the complaint document (the one whose
 *                           {@code _id} is the complaint id), where seeded tracking numbers are probed
 * @param ticket             the source system's ticket id (or Idempotency-Key): part of the unique
 *                           natural key, so every clone gets its own
 */
public record SeedTemplate(String trackingNumber, String complaintId, String caseId, String ticket,
                           String complaintNamespace, List<SeedDocument> documents) {

    public SeedTemplate {
        if (!SeedPlan.isTrackingNumber(trackingNumber)) {
            throw new IllegalArgumentException("not a tracking number: " + trackingNumber);
        }
        documents = List.copyOf(documents);
    }

    /** The city's date of intake, as written in the tracking number. */
    public LocalDate day() {
        return SeedPlan.dayOf(trackingNumber);
    }
}
