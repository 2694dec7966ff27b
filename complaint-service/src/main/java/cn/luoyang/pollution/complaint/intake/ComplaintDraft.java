package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.contracts.complaint.MonitorTrigger;
import java.time.Instant;
import java.util.List;

/**
 * A report as it arrived, whatever the channel, before it is accepted: what the reporter said,
 * with the contact already sealed. Validated by {@link ComplaintRules}.
 *
 * @param sourceSystem     who sent it (a hotline platform, {@code open311:<client>}, {@code web} or
 *                         {@code web:<what the caller named>}: {@link SourceSystems})
 * @param externalTicketId that system's own id for it; with {@code sourceSystem} the natural key
 * @param monitor          for channel {@code ONLINE_MONITORING}: the monitor and fault that raised it; else null
 */
public record ComplaintDraft(
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
        ReporterContact reporter,
        boolean rewardRequested,
        MonitorTrigger monitor) {

    public ComplaintDraft {
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** A person's report (no monitor). */
    public ComplaintDraft(String sourceSystem, String externalTicketId, Channel channel, String category, String subType,
                          String description, GeoPoint location, String addressText, Instant observedAt,
                          boolean happeningNow, List<MediaRef> media, ReporterContact reporter, boolean rewardRequested) {
        this(sourceSystem, externalTicketId, channel, category, subType, description, location, addressText, observedAt,
                happeningNow, media, reporter, rewardRequested, null);
    }

    /** The idempotency key: one complaint per external ticket, however often it is delivered. */
    public String naturalKey() {
        return sourceSystem + ":" + externalTicketId;
    }
}
