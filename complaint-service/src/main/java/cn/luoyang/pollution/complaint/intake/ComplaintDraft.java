package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import java.time.Instant;
import java.util.List;

/**
 * A report as it arrived, whatever the channel, before it is accepted: what the reporter said,
 * with the contact already sealed. Validated by {@link ComplaintRules}.
 *
 * @param sourceSystem     who sent it (a hotline platform, {@code open311:<client>}, {@code web} or
 *                         {@code web:<what the caller named>}: {@link SourceSystems})
 * @param externalTicketId that system's own id for it; with {@code sourceSystem} the natural key
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
        boolean rewardRequested) {

    public ComplaintDraft {
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** The idempotency key: one complaint per external ticket, however often it is delivered. */
    public String naturalKey() {
        return sourceSystem + ":" + externalTicketId;
    }
}
