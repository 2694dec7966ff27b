package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import java.time.Instant;

/**
 * What dispatch needs to know of a registered complaint (never the reporter's contact).
 *
 * @param description the reporter's own words: where a report has neither coordinates nor an address,
 *                    the places named in it are the territory (a hotline operator often writes the address there)
 * @param reportedAt when the pollution was observed, else when the complaint was registered
 * @param sourceId   a registered source named by the caller (explain only), else null
 * @param monitorMn  for a complaint raised by an online monitor (channel ONLINE_MONITORING): its MN, by which the
 *                   registry names the source; else null
 * @param monitorFault what the monitor found (its fault kind, and the factor over the limit), for the site's
 *                     responsible person's SMS; null but for a monitor's complaint
 */
public record Complaint(String complaintId, String trackingNumber, String category, GeoPoint location, String addressText,
        String description, Instant reportedAt, String sourceId, String monitorMn, MonitorFault monitorFault) {

    /** What an online monitor found: over the limit of a factor (超标) or silent (离线). */
    public record MonitorFault(FaultKind kind, String factor) {
    }

    public Complaint(String complaintId, String trackingNumber, String category, GeoPoint location, String addressText,
            String description, Instant reportedAt, String sourceId, String monitorMn) {
        this(complaintId, trackingNumber, category, location, addressText, description, reportedAt, sourceId, monitorMn, null);
    }

    /** A person's complaint (no monitor). */
    public Complaint(String complaintId, String trackingNumber, String category, GeoPoint location, String addressText,
            String description, Instant reportedAt, String sourceId) {
        this(complaintId, trackingNumber, category, location, addressText, description, reportedAt, sourceId, null);
    }

    public static Complaint of(ComplaintRegistered e) {
        return new Complaint(e.complaintId(), e.trackingNumber(), e.category(), e.location(), e.addressText(), e.description(),
                e.observedAt() != null ? e.observedAt() : e.occurredAt(), null, e.monitor() == null ? null : e.monitor().mn(),
                e.monitor() == null ? null : new MonitorFault(e.monitor().kind(), e.monitor().factor()));
    }

    /** Deterministic, so a redelivered complaint can never open a second case. */
    public String caseId() {
        return "CASE-" + trackingNumber;
    }
}
