package cn.luoyang.pollution.contracts.complaint;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import java.time.Instant;
import java.util.List;

/**
 * A valid report was accepted (受理) and given a tracking number. Key: complaint id.
 *
 * @param monitor for channel {@link Channel#ONLINE_MONITORING}: the monitor (its MN) and the fault and readings
 *                that raised the complaint; null for a person's report
 * @param claimCodeHash for a reporter who asked for a reward and left no phone: the hash ({@link ClaimCodeHash}) of
 *                the claim code the filing's answer showed them once; null otherwise (a reporter with a phone is
 *                texted a code when a claim opens). Added in version 1 as an optional field.
 */
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
        MonitorTrigger monitor,
        String claimCodeHash,
        Instant occurredAt,
        int schemaVersion) implements Event {

    public static final int VERSION = 1;

    /** A person's report: no monitor. */
    public ComplaintRegistered(String eventId, String complaintId, String trackingNumber, String sourceSystem,
                               String externalTicketId, Channel channel, String category, String subType, String description,
                               GeoPoint location, String addressText, Instant observedAt, boolean happeningNow,
                               List<MediaRef> media, SealedContact reporter, boolean rewardRequested, Instant occurredAt,
                               int schemaVersion) {
        this(eventId, complaintId, trackingNumber, sourceSystem, externalTicketId, channel, category, subType, description,
                location, addressText, observedAt, happeningNow, media, reporter, rewardRequested, null, null, occurredAt,
                schemaVersion);
    }

    /** Without a claim code given at filing. */
    public ComplaintRegistered(String eventId, String complaintId, String trackingNumber, String sourceSystem,
                               String externalTicketId, Channel channel, String category, String subType, String description,
                               GeoPoint location, String addressText, Instant observedAt, boolean happeningNow,
                               List<MediaRef> media, SealedContact reporter, boolean rewardRequested, MonitorTrigger monitor,
                               Instant occurredAt, int schemaVersion) {
        this(eventId, complaintId, trackingNumber, sourceSystem, externalTicketId, channel, category, subType, description,
                location, addressText, observedAt, happeningNow, media, reporter, rewardRequested, monitor, null, occurredAt,
                schemaVersion);
    }

    @Override
    public String aggregateId() {
        return complaintId;
    }
}
