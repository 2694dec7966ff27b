package cn.luoyang.pollution.notification.messages;

import java.util.Objects;

/**
 * What makes a message unique: the complaint or case it is about, the milestone, the recipient's
 * complaint, and for milestones that may happen more than once (an extension, a reopening) which
 * occurrence. A redelivered event yields the same key, and the store refuses a second message.
 */
public record MessageKey(String subjectId, Milestone milestone, String recipientComplaintId, String occurrence) {

    public MessageKey {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(recipientComplaintId, "recipientComplaintId");
        occurrence = occurrence == null ? "" : occurrence;
    }

    public static MessageKey of(String subjectId, Milestone milestone, String recipientComplaintId) {
        return new MessageKey(subjectId, milestone, recipientComplaintId, "");
    }

    /** The stored id, e.g. {@code CASE-LY20261128-000042/CLOSED/6f1c...}. */
    public String asId() {
        String base = subjectId + "/" + milestone + "/" + recipientComplaintId;
        return occurrence.isEmpty() ? base : base + "/" + occurrence;
    }
}
