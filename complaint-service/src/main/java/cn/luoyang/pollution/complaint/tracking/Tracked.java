package cn.luoyang.pollution.complaint.tracking;

import java.time.Instant;

/** A complaint as tracking sees it: never the reporter beyond the last four digits of a masked number. */
public record Tracked(String complaintId, String trackingNumber, String category, Instant receivedAt,
                      boolean anonymous, String phoneLastFour, Progress progress) {
}
