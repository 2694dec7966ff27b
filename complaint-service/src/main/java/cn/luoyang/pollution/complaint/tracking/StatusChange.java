package cn.luoyang.pollution.complaint.tracking;

import java.time.Instant;

/**
 * One step of a complaint's public history, taken from a dispatch or case event.
 *
 * @param department the department code now responsible, or null when the event does not say
 * @param note       the reply on closure, the reason on reopening, else null
 * @param seat       where that department sits, which names its level (市/区): 洛阳市 for a city-level
 *                   department, the district's name (涧西区) for a district one; null when the event does not say
 */
public record StatusChange(String eventId, PublicStatus status, Instant occurredAt, String caseId, String department, String note,
                           String seat) {

    /** 洛阳市: the seat of a city-level department. */
    public static final String CITY = "洛阳市";
}
