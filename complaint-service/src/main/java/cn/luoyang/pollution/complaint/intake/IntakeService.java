package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.contracts.complaint.ClaimCodeHash;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Accepts a report from any channel: checks the rules, gives it a tracking number, stores it with
 * its ComplaintRegistered event in one write, then publishes the event. The same ticket delivered
 * again (Kafka redelivery, a replay, an HTTP retry) answers with the first complaint.
 *
 * <p>有奖举报 without a phone: a filing whose answer reaches the filer ({@link #file}) and asks for a reward
 * with no phone to text a claim code to later is given a code now, drawn with {@link SecureRandom}, answered
 * once and never kept: the complaint and its event carry only {@link ClaimCodeHash its slow salted hash}.
 */
public final class IntakeService {

    private final ComplaintRules rules;
    private final Complaints complaints;
    private final TrackingNumbers trackingNumbers;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration relayGrace;
    private final SecureRandom random = new SecureRandom();

    public IntakeService(ComplaintRules rules, Complaints complaints, TrackingNumbers trackingNumbers,
                         OutboxRelay relay, Clock clock, Duration relayGrace) {
        this.rules = rules;
        this.complaints = complaints;
        this.trackingNumbers = trackingNumbers;
        this.relay = relay;
        this.clock = clock;
        this.relayGrace = relayGrace;
    }

    /** A report with no filer to answer (a hotline's record on Kafka, a monitor's fault). */
    public Registration register(ComplaintDraft draft) {
        return register(draft, List.of());
    }

    /** As {@link #register(ComplaintDraft, List)}, with no filer to answer: no claim code is given. */
    public Registration register(ComplaintDraft draft, List<FieldError> readErrors) {
        return register(draft, readErrors, false);
    }

    /**
     * A filing whose answer goes to the filer (an HTTP answer: the web and WeChat front ends, Open311, a hotline's
     * operator): as {@link #register(ComplaintDraft, List)}, and when the report asks for a reward and leaves no
     * phone, the answer carries a fresh claim code ({@link Registration#claimCode()}).
     */
    public Registration file(ComplaintDraft draft, List<FieldError> readErrors) {
        return register(draft, readErrors, true);
    }

    /**
     * @param readErrors what the edge already found while reading the raw input (wrong types); the
     *                   rules do not repeat a complaint about a field already named there
     * @param answersFiler the answer reaches the filer, who may then be given a claim code
     * @throws InvalidComplaintException when any rule is broken
     * @throws TicketConflictException   when the ticket was used before for a different report
     */
    private Registration register(ComplaintDraft draft, List<FieldError> readErrors, boolean answersFiler) {
        ComplaintDraft clean = redacted(draft);
        List<FieldError> errors = violations(clean, readErrors);
        if (!errors.isEmpty()) {
            throw new InvalidComplaintException(errors);
        }
        // no read first: the unique natural key refuses a repeated ticket, which is then looked up once
        // (a repeat costs a tracking number from the block: numbers stay unique, not gap-free)
        var now = clock.instant();
        String trackingNumber = trackingNumbers.next(LocalDate.ofInstant(now, clock.getZone()));
        String claimCode = answersFiler && needsClaimCode(clean) ? ClaimCodeHash.newCode(random) : null;
        Complaint complaint = Complaint.register(UUID.randomUUID().toString(), trackingNumber, clean,
                UUID.randomUUID().toString(), now, relayGrace, claimCode == null ? null : ClaimCodeHash.of(claimCode, random));
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
        return new Registration(complaint, false, claimCode);
    }

    /** One record of a batch with no filer to answer (the hotline's Kafka topic): the draft and what reading it found wrong. */
    public record Submission(ComplaintDraft draft, List<FieldError> readErrors) {
    }

    /**
     * What became of one submission of a batch: its registration (new or repeated), or its refusal, an
     * {@link InvalidComplaintException} or a {@link TicketConflictException}.
     */
    public record Outcome(Registration registration, RuntimeException refusal) {
    }

    /**
     * A batch of submissions (one poll of the hotline's topic), with the outcomes {@link #register(ComplaintDraft, List)}
     * would give them one by one in this order: each is checked alone (a broken one is refused alone); the first
     * submission of each ticket new to the service is stored, all of them in one insert with their events, which are
     * then published together; any other submission of a ticket, in this batch or stored earlier, is answered as a
     * redelivery is: the stored complaint if it is the same report, a ticket conflict if not.
     */
    public List<Outcome> registerAll(List<Submission> batch) {
        Outcome[] outcomes = new Outcome[batch.size()];
        ComplaintDraft[] cleans = new ComplaintDraft[batch.size()];
        Map<String, Complaint> fresh = new LinkedHashMap<>();
        Map<String, Integer> freshAt = new HashMap<>();
        var now = clock.instant();
        for (int i = 0; i < batch.size(); i++) {
            ComplaintDraft clean = redacted(batch.get(i).draft());
            List<FieldError> errors = violations(clean, batch.get(i).readErrors());
            if (!errors.isEmpty()) {
                outcomes[i] = new Outcome(null, new InvalidComplaintException(errors));
                continue;
            }
            cleans[i] = clean;
            if (!fresh.containsKey(clean.naturalKey())) {
                String trackingNumber = trackingNumbers.next(LocalDate.ofInstant(now, clock.getZone()));
                fresh.put(clean.naturalKey(), Complaint.register(UUID.randomUUID().toString(), trackingNumber, clean,
                        UUID.randomUUID().toString(), now, relayGrace));
                freshAt.put(clean.naturalKey(), i);
            }
        }
        Set<String> stored = fresh.isEmpty() ? Set.of() : complaints.insertAll(List.copyOf(fresh.values()));
        relay.publishSoon(stored);
        List<String> taken = fresh.values().stream().filter(c -> !stored.contains(c.id())).map(Complaint::naturalKey).toList();
        Map<String, Complaint> earlier = taken.isEmpty() ? Map.of() : complaints.byNaturalKeys(taken);
        for (int i = 0; i < batch.size(); i++) {
            if (cleans[i] == null) {
                continue;
            }
            String key = cleans[i].naturalKey();
            Complaint first = fresh.get(key);
            if (stored.contains(first.id()) && freshAt.get(key) == i) {
                outcomes[i] = new Outcome(new Registration(first, false), null);
                continue;
            }
            Complaint holder = stored.contains(first.id()) ? first : earlier.get(key);
            if (holder == null) {
                throw new IllegalStateException("ticket " + key + " is taken but its complaint was not found");
            }
            outcomes[i] = holder.sameReportAs(cleans[i]) ? new Outcome(new Registration(holder, true), null)
                    : new Outcome(null, new TicketConflictException(key));
        }
        return List.of(outcomes);
    }

    private List<FieldError> violations(ComplaintDraft clean, List<FieldError> readErrors) {
        List<FieldError> errors = new ArrayList<>(readErrors);
        Set<String> named = readErrors.stream().map(FieldError::field).collect(Collectors.toSet());
        rules.violations(clean).stream().filter(e -> !overlaps(named, e.field())).forEach(errors::add);
        return errors;
    }

    /** Asked for a reward, and no phone that a claim code could be texted or called to when the claim opens. */
    private static boolean needsClaimCode(ComplaintDraft d) {
        return d.rewardRequested() && (d.reporter() == null || d.reporter().sealedPhone() == null);
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
