package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accepts a report from any channel: checks the rules, gives it a tracking number, stores it with
 * its ComplaintRegistered event in one write, then publishes the event. The same ticket delivered
 * again (Kafka redelivery, a replay, an HTTP retry) answers with the first complaint.
 */
public final class IntakeService {

    private final ComplaintRules rules;
    private final Complaints complaints;
    private final TrackingNumbers trackingNumbers;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration relayGrace;

    public IntakeService(ComplaintRules rules, Complaints complaints, TrackingNumbers trackingNumbers,
                         OutboxRelay relay, Clock clock, Duration relayGrace) {
        this.rules = rules;
        this.complaints = complaints;
        this.trackingNumbers = trackingNumbers;
        this.relay = relay;
        this.clock = clock;
        this.relayGrace = relayGrace;
    }

    public Registration register(ComplaintDraft draft) {
        return register(draft, List.of());
    }

    /**
     * @param readErrors what the edge already found while reading the raw input (wrong types); the
     *                   rules do not repeat a complaint about a field already named there
     * @throws InvalidComplaintException when any rule is broken
     * @throws TicketConflictException   when the ticket was used before for a different report
     */
    public Registration register(ComplaintDraft draft, List<FieldError> readErrors) {
        ComplaintDraft clean = redacted(draft);
        List<FieldError> errors = new ArrayList<>(readErrors);
        Set<String> named = readErrors.stream().map(FieldError::field).collect(Collectors.toSet());
        rules.violations(clean).stream().filter(e -> !overlaps(named, e.field())).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidComplaintException(errors);
        }
        // no read first: the unique natural key refuses a repeated ticket, which is then looked up once
        // (a repeat costs a tracking number from the block: numbers stay unique, not gap-free)
        var now = clock.instant();
        String trackingNumber = trackingNumbers.next(LocalDate.ofInstant(now, clock.getZone()));
        Complaint complaint = Complaint.register(UUID.randomUUID().toString(), trackingNumber, clean,
                UUID.randomUUID().toString(), now, relayGrace);
        try {
            complaints.insert(complaint);
        } catch (Complaints.DuplicateTicketException raced) {
            // the ticket was registered before (a redelivery, a retried request, a concurrent delivery):
            // answer with its complaint
            return repeat(complaints.byNaturalKey(clean.naturalKey()).orElseThrow(() -> raced), clean);
        }
        // never fails: if the broker is away, the event stays in the complaint's outbox and the relay's
        // sweep publishes it after the grace period, so the reporter gets their tracking number now
        relay.publishSoon(complaint.id());
        return new Registration(complaint, false);
    }

    /** "reporter" and "reporter.phone" are about the same thing: one message is enough. */
    private static boolean overlaps(Set<String> named, String field) {
        return named.stream().anyMatch(n -> n.equals(field) || n.startsWith(field + ".") || n.startsWith(field + "[")
                || field.startsWith(n + ".") || field.startsWith(n + "["));
    }

    private static Registration repeat(Complaint earlier, ComplaintDraft again) {
        if (!earlier.sameReportAs(again)) {
            throw new TicketConflictException(again.naturalKey());
        }
        return new Registration(earlier, true);
    }

    private static ComplaintDraft redacted(ComplaintDraft d) {
        return new ComplaintDraft(d.sourceSystem(), d.externalTicketId(), d.channel(), d.category(), d.subType(),
                PhoneRedaction.mask(d.description()), d.location(), PhoneRedaction.mask(d.addressText()), d.observedAt(),
                d.happeningNow(), d.media(), d.reporter(), d.rewardRequested(), d.monitor());
    }
}
