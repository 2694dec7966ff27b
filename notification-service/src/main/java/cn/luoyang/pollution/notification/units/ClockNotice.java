package cn.luoyang.pollution.notification.units;

import java.time.Instant;

/**
 * A case clock event for its unit's webhook: 临期提醒 ({@code REMINDER}), 超期 ({@code OVERDUE}) or
 * 督办升级 ({@code ESCALATED}, with the level it reached). {@code alertId} is the natural key of the
 * post: the same event always yields the same id, so it is posted once.
 */
public record ClockNotice(String kind, String alertId, String caseId, String trackingNumber, String department,
        String unit, String clock, Instant deadline, String level, Instant occurredAt) {
}
