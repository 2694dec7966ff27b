package cn.luoyang.pollution.enforcement.accounts;

import java.time.Instant;
import java.util.List;

/**
 * The reporter's account (举报内容) of one complaint, as complaint-service registered it: what was
 * seen, where, when and through which channel, with the reporter's photos and videos. It never
 * holds the reporter's contact, and its free text has phone numbers masked before it is kept.
 *
 * @param registeredAt when complaint-service accepted the report (orders a case's accounts)
 * @param notes        what the reporter added afterwards (举报人补充说明), oldest first
 * @param rewardRequested the reporter asked for a reward (有奖举报); read when the case closes substantiated
 * @param monitor      for channel {@code ONLINE_MONITORING} (在线监测): the monitor and the readings that raised the
 *                     complaint; null for a person's report
 */
public record ReporterAccount(
        String complaintId,
        String trackingNumber,
        String channel,
        Instant observedAt,
        Instant registeredAt,
        String addressText,
        String description,
        List<Media> media,
        List<Note> notes,
        boolean rewardRequested,
        Monitor monitor) {

    public ReporterAccount {
        if (complaintId == null || complaintId.isBlank()) {
            throw new IllegalArgumentException("an account belongs to a complaint");
        }
        media = media == null ? List.of() : List.copyOf(media);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A person's report: no monitor. */
    public ReporterAccount(String complaintId, String trackingNumber, String channel, Instant observedAt, Instant registeredAt,
            String addressText, String description, List<Media> media, List<Note> notes, boolean rewardRequested) {
        this(complaintId, trackingNumber, channel, observedAt, registeredAt, addressText, description, media, notes,
                rewardRequested, null);
    }

    /**
     * What raised a complaint of an online monitor (在线监测设备), as the console shows it: the monitor's MN, the
     * source the monitor belongs to, the fault ({@code EXCEEDANCE} 超标 or {@code OFFLINE} 离线), the rule, its HJ 212
     * factor and limit (null for {@code OFFLINE}), the window averages that triggered it (oldest first) and the
     * data time of the monitor's last reading before the fault.
     */
    public record Monitor(String mn, String sourceId, String kind, String rule, String factor, Double limit,
            List<Reading> windows, Instant lastReadingAt) {

        public Monitor {
            windows = windows == null ? List.of() : List.copyOf(windows);
        }

        public boolean offline() {
            return "OFFLINE".equals(kind);
        }
    }

    /** One window's average (and largest reading) of the factor, as the fault rule saw it. */
    public record Reading(Instant start, Instant end, double average, double max, long count) {
    }

    /**
     * A reporter's follow-up through the system they filed with (an Open311 service request update).
     *
     * @param noteId       the calling system and its id of the update: a note is kept once
     * @param sourceSystem the calling system
     * @param writtenAt    when the reporter wrote it, as that system says (may be null)
     * @param receivedAt   when complaint-service took it
     */
    public record Note(String noteId, String sourceSystem, String text, String mediaUrl, Instant writtenAt, Instant receivedAt) {
    }

    /** A photo or video: an http(s) URL or complaint-service's {@code gridfs:<public id>} upload. */
    public record Media(String url, String mediaType) {

        public boolean video() {
            return mediaType != null && mediaType.startsWith("video/");
        }
    }
}
