package cn.luoyang.pollution.hotline;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import java.time.Instant;

/**
 * One report as a hotline operator takes it (热线工单), before the kit seals the caller's number and
 * publishes it. The place may be coordinates, an address, or only the operator's prose in the
 * description (dispatch reads district, township and village names there).
 *
 * @param ticketId  the hotline's own ticket id: with the source system, the report's idempotency key
 *                  (publishing the same ticket again never makes a second complaint)
 * @param phone     the caller's number as given (mobile, landline with or without area code, +86 or
 *                  foreign), or null for an anonymous caller; it never leaves the kit unsealed
 * @param observedAt when the caller saw it, or null
 */
public record HotlineReport(String ticketId, Channel channel, String category, String subType, String description,
        GeoPoint location, String addressText, Instant observedAt, boolean happeningNow, String phone,
        boolean rewardRequested) {

    @Override
    public String toString() {
        return "HotlineReport[" + ticketId + ", " + channel + ", " + category + (phone == null ? ", anonymous" : "") + "]";
    }
}
