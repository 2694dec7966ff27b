package cn.luoyang.pollution.enforcement.cases.application;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What other services tell enforcement: a case dispatched (opens it, or re-assigns it in a later
 * routing round), a complaint merged into it, a reporter's survey answer. Each is idempotent:
 * a redelivered event changes nothing.
 */
public class CaseIntake {

    /** Attempts at a batch whose cases other writers keep changing; then it fails and the consumer retries it. */
    private static final int ATTEMPTS = 5;

    private final Cases cases;
    private final ClockRules rules;
    private final Clock clock;
    private final CaseService service;
    private final EventRelay relay;

    public CaseIntake(Cases cases, ClockRules rules, Clock clock, CaseService service, EventRelay relay) {
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
        this.service = service;
        this.relay = relay;
    }

    /** An event of a batch that can never apply, with the reason the dead letters give it. */
    public record Refusal(Event event, String reason, String detail) {
    }

    /**
     * A batch of intake events (a poll of {@code cases.dispatched} or {@code reporters.feedback}), with the
     * guarantees of the one-by-one methods: one read of the cases it concerns, every event applied in order to its
     * case in memory (a dispatch then a merge into it, the same event twice: as one by one), one bulk write of the
     * cases opened or changed with their events in their outboxes, then those published together. An event that can
     * never apply changes nothing and is returned. A case stored meanwhile (another replica, a person's action) makes
     * the whole batch read and decide again: every step is idempotent, so what the first write stored is found and
     * not repeated; so is a redelivered or half-written batch.
     */
    public List<Refusal> batch(List<? extends Event> events) {
        Set<String> caseIds = new LinkedHashSet<>();
        events.stream().map(IntakeBatch::caseIdOf).filter(Objects::nonNull).forEach(caseIds::add);
        if (caseIds.isEmpty()) {
            return List.of();
        }
        Set<String> announcing = new LinkedHashSet<>();
        for (int attempt = 1; ; attempt++) {
            IntakeBatch batch = new IntakeBatch(cases.findAll(caseIds), rules, clock);
            events.forEach(batch::apply);
            List<Case> changed = batch.changed();
            changed.stream().filter(c -> !c.newEvents().isEmpty()).map(Case::id).forEach(announcing::add);
            try {
                cases.saveAll(changed);
            } catch (Cases.ConcurrentCaseUpdate e) {
                if (attempt >= ATTEMPTS) {
                    relay.publishSoon(announcing);
                    throw e;
                }
                continue;
            }
            relay.publishSoon(announcing);
            return batch.refusals();
        }
    }

    /**
     * Opens the case with one insert (the usual event: a new case). The case id is the document's
     * key, so a case that already exists (a later routing round, a redelivery, another replica)
     * refuses the insert and is re-assigned instead: no read before the write.
     */
    public void dispatched(CaseDispatched event) {
        try {
            cases.save(Case.open(event, clock.instant(), rules));
            return;
        } catch (Cases.ConcurrentCaseUpdate exists) {
            // already stored: a later round re-assigns it; a redelivered round is recognised and ignored
        }
        service.update(event.caseId(), c -> c.reassign(event, clock.instant(), rules));
    }

    /** The update reads the case once and refuses an unknown one ({@link CaseNotFound}). */
    public void merged(ComplaintMerged event) {
        service.update(event.caseId(), c -> {
            if (c.addComplaint(event.complaintId())) {
                c.noteMerged(event.complaintId(), event.trackingNumber(), clock.instant());
            }
        });
    }

    public void feedback(ReporterFeedbackReceived event) {
        service.update(event.caseId(), c -> c.recordFeedback(event.eventId(), event.complaintId(), event.rating(),
                clock.instant(), rules));
    }
}
