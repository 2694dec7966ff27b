package cn.luoyang.pollution.complaint.monitoring.cases;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.Complaints;
import cn.luoyang.pollution.complaint.intake.IntakeService;
import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.intake.Registration;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.notes.FollowUps;
import cn.luoyang.pollution.complaint.tracking.PublicStatus;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.MonitorTrigger;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultCleared;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cases from monitors (监测报警转案件): a fault the stream processor found becomes a complaint of channel
 * {@code ONLINE_MONITORING}, registered like any report (tracking number, outbox, dispatch), with the readings that
 * triggered it and the monitor's MN, by which dispatch finds the monitor's source in its registry. At most one open
 * case per monitor and fault — an exceedance per factor, offline per monitor ({@link Episode#keyOf}): a later such
 * fault while that case is open is added to it as a note, and so is the fault's clearance (the readings back under
 * the limit, for the verifier); once the case is closed, the next fault opens a new one. Every step is keyed by the fault's event id, so a redelivered fault changes nothing.
 */
public final class MonitorCases {

    /** The complaints' source system; the ticket is the opening fault's event id. */
    public static final String SOURCE_SYSTEM = "online-monitoring";

    /** What a fault event did. */
    public enum Outcome { OPENED, NOTED, CLEARED, REPEATED, IGNORED }

    /** A fault that cannot become a complaint (no category for its factor, a complaint the rules refuse). */
    public static final class UnusableFault extends RuntimeException {
        private final String reason;

        UnusableFault(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final IntakeService intake;
    private final Complaints complaints;
    private final FollowUps followUps;
    private final Episodes episodes;
    private final Map<String, String> categories;
    private final Clock clock;

    /** @param categories the complaint category per factor code, and for {@code OFFLINE} under the key {@code OFFLINE} */
    public MonitorCases(IntakeService intake, Complaints complaints, FollowUps followUps, Episodes episodes,
                        Map<String, String> categories, Clock clock) {
        this.intake = intake;
        this.complaints = complaints;
        this.followUps = followUps;
        this.episodes = episodes;
        this.categories = Map.copyOf(categories);
        this.clock = clock;
    }

    static String ticketOf(String faultEventId) {
        return "fault-" + faultEventId;
    }

    public Outcome detected(MonitorFaultDetected fault) {
        requireIdentity(fault.eventId(), fault.mn(), fault.kind());
        String key = Episode.keyOf(fault.mn(), fault.kind(), fault.factor());
        Optional<Episode> shared = sharedBeforeFactors(fault.mn(), fault.kind(), key);
        if (shared.isPresent()) {
            Optional<Complaint> open = openComplaintOf(shared.get());
            if (open.isPresent()) {
                if (shared.get().faults().contains(fault.eventId())) {
                    return Outcome.REPEATED;
                }
                note(open.get(), "fault-" + fault.eventId(), FaultTexts.detected(fault), fault.windowEnd());
                episodes.addFault(shared.get().key(), fault.eventId());
                return Outcome.NOTED;
            }
        }
        ComplaintDraft draft = draftOf(fault);
        // a claim lost to another delivery of the same key (during a rebalance) is read again
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Episode> current = episodes.of(key);
            if (current.isPresent()) {
                Episode episode = current.get();
                if (episode.openedBy().equals(fault.eventId())) {
                    // this fault opened it: register again (idempotent by ticket) in case the last delivery stopped between
                    return register(draft, episode).repeated() ? Outcome.REPEATED : Outcome.OPENED;
                }
                if (episode.faults().contains(fault.eventId())) {
                    return Outcome.REPEATED;
                }
                Optional<Complaint> open = complaints.byNaturalKey(episode.complaintKey())
                        .filter(c -> c.progress().status() != PublicStatus.CLOSED);
                if (open.isPresent()) {
                    note(open.get(), "fault-" + fault.eventId(), FaultTexts.detected(fault), fault.windowEnd());
                    episodes.addFault(key, fault.eventId());
                    return Outcome.NOTED;
                }
            }
            Episode next = new Episode(key, fault.mn(), fault.kind(), fault.eventId(), List.of(fault.eventId()), clock.instant());
            if (episodes.claim(next, current.map(Episode::openedBy).orElse(null))) {
                register(draft, next);
                return Outcome.OPENED;
            }
        }
        throw new IllegalStateException("monitor episode " + key + " kept changing under fault " + fault.eventId());
    }

    /** The readings back under the limit, or the monitor back online: a note on the open case, if there is one. */
    public Outcome cleared(MonitorFaultCleared clearance) {
        requireIdentity(clearance.eventId(), clearance.mn(), clearance.kind());
        String key = Episode.keyOf(clearance.mn(), clearance.kind(), clearance.factor());
        Optional<Complaint> open = episodes.of(key).flatMap(this::openComplaintOf)
                .or(() -> sharedBeforeFactors(clearance.mn(), clearance.kind(), key).flatMap(this::openComplaintOf));
        if (open.isEmpty()) {
            return Outcome.IGNORED;
        }
        note(open.get(), "cleared-" + clearance.eventId(), FaultTexts.cleared(clearance),
                clearance.windowEnd());
        return Outcome.CLEARED;
    }

    /**
     * An exceedance case opened before cases were kept per factor, under the key {@code <MN>|EXCEEDANCE}: while it
     * is open, it keeps taking that monitor's exceedances of every factor (as it did), so an upgrade opens no
     * second case beside it; once closed, each factor opens its own.
     */
    private Optional<Episode> sharedBeforeFactors(String mn, FaultKind kind, String key) {
        String shared = Episode.keyOf(mn, kind, null);
        return shared.equals(key) ? Optional.empty() : episodes.of(shared);
    }

    private Optional<Complaint> openComplaintOf(Episode episode) {
        return complaints.byNaturalKey(episode.complaintKey()).filter(c -> c.progress().status() != PublicStatus.CLOSED);
    }

    private Registration register(ComplaintDraft draft, Episode episode) {
        try {
            return intake.register(draft);
        } catch (InvalidComplaintException e) {
            episodes.release(episode.key(), episode.openedBy());
            throw new UnusableFault("invalid-complaint", e.errors().stream().map(e1 -> e1.field() + ": " + e1.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    private void note(Complaint complaint, String externalId, String text, Instant at) {
        followUps.attach(complaint.trackingNumber(), SOURCE_SYSTEM, externalId, text, null, at == null ? clock.instant() : at);
    }

    private ComplaintDraft draftOf(MonitorFaultDetected f) {
        String category = categories.get(f.kind() == FaultKind.OFFLINE ? "OFFLINE" : String.valueOf(f.factor()));
        if (category == null) {
            throw new UnusableFault("no-category", "no complaint category for " + (f.kind() == FaultKind.OFFLINE ? "OFFLINE"
                    : "factor " + f.factor()) + " (complaints.monitoring.cases.categories)");
        }
        // from the event only, so that a redelivery drafts the very same report: the window's end, or when the
        // processor found the fault if that was earlier (a device clock ahead of the city's)
        Instant observed = f.windowEnd() == null || f.occurredAt() != null && f.windowEnd().isAfter(f.occurredAt())
                ? f.occurredAt() : f.windowEnd();
        MonitorTrigger trigger = new MonitorTrigger(f.mn(), f.sourceId(), f.eventId(), f.kind(), f.rule(), f.factor(),
                f.limit(), f.windowStart(), f.windowEnd(), f.windows(), f.lastReadingAt());
        return new ComplaintDraft(SOURCE_SYSTEM, ticketOf(f.eventId()), Channel.ONLINE_MONITORING, category, f.kind().name(),
                FaultTexts.detected(f), null, null, observed, true, List.of(), ReporterContact.anonymousReporter(), false,
                trigger);
    }

    private static void requireIdentity(String eventId, String mn, FaultKind kind) {
        if (eventId == null || eventId.isBlank() || mn == null || mn.isBlank() || kind == null) {
            throw new UnusableFault("incomplete-fault", "a fault needs its eventId, mn and kind");
        }
    }
}
