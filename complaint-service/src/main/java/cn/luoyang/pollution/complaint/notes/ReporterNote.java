package cn.luoyang.pollution.complaint.notes;

import java.time.Instant;

/**
 * A follow-up a reporter added to their complaint through a calling system (举报人补充说明), kept on
 * the complaint for its handler. No reporter identity is kept, and phone numbers in the text are
 * masked before it is built.
 *
 * @param externalId the calling system's id of the follow-up: with {@code sourceSystem}, a note is kept once
 * @param writtenAt  when the reporter wrote it, as the calling system says; null when it does not
 */
public record ReporterNote(String noteId, String sourceSystem, String externalId, String text, String mediaUrl,
                           Instant writtenAt, Instant receivedAt) {

    /** What makes a note the same note when its calling system sends it again. */
    public String key() {
        return sourceSystem + ":" + externalId;
    }
}
