package cn.luoyang.pollution.contracts.complaint;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import java.time.Instant;
import java.util.List;

/** A valid report was accepted (受理) and given a tracking number. Key: complaint id. */
public record ComplaintRegistered(
        String eventId,
        String complaintId,
        String trackingNumber,
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
        return complaintId;
    }
}
