package cn.luoyang.pollution.contracts.complaint;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;

/**
 * A reporter added to their complaint after filing it (举报人补充说明), through a calling system such
 * as FixMyStreet's Open311 service request updates: a note for the case's handler. It carries no
 * reporter identity, and phone numbers in the note are masked. Key: complaint id.
 *
 * @param caseId           the case the complaint belongs to, or null while it is not dispatched yet
 * @param sourceSystem     the calling system (its Open311 api_key's name)
 * @param externalUpdateId the calling system's id of the update: with sourceSystem, kept once
 * @param writtenAt        when the reporter wrote it, as the calling system says; null if it did not
 */
public record ReporterNoteAdded(
        String eventId,
        String complaintId,
        String trackingNumber,
        String caseId,
        String sourceSystem,
        String externalUpdateId,
        String note,
        String mediaUrl,
        Instant writtenAt,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
