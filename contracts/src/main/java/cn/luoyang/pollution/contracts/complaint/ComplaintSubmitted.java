package cn.luoyang.pollution.contracts.complaint;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import java.time.Instant;
import java.util.List;

/**
 * A report as the hotline platform publishes it on {@code complaints.submitted} (the external
 * contract, documented by {@code schemas/complaint-submitted.v1.schema.json}). Key: source system +
 * ":" + external ticket id. The hotline seals the phone number with the published public key
 * before publishing, so no plaintext number ever rests in Kafka.
 */
public record ComplaintSubmitted(
        String eventId,
        String sourceSystem,
        String externalTicketId,
        Channel channel,
        String category,
        String subType,
        String description,
        GeoPoint location,
        String addressText,
        Instant observedAt,
        boolean happeningNow,
        List<MediaRef> media,
        SealedContact reporter,
        boolean rewardRequested,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    @Override
    public String aggregateId() {
        return sourceSystem + ":" + externalTicketId;
    }
}
