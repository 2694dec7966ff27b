package cn.luoyang.pollution.dispatch.returns;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.campaigns.CampaignCalendar;
import cn.luoyang.pollution.dispatch.common.Conflict;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.dispatching.Arbitration;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.dispatch.dispatching.DispatchEvents;
import cn.luoyang.pollution.dispatch.dispatching.HandAssignment;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.grids.GridRoster;
import cn.luoyang.pollution.dispatch.registry.Registry;
import cn.luoyang.pollution.dispatch.registry.SourceLink;
import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.Facts;
import cn.luoyang.pollution.dispatch.rules.Routing;
import cn.luoyang.pollution.dispatch.rules.RuleBook;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Returns (退单) and arbitration. A returned case is routed again by the rule table without every
 * department that has returned it (same case id, next routing round). When the policy's limit is
 * reached, or no department is left, the case waits for the campaign office, whose decision is
 * recorded and published as an arbitrated CaseDispatched. A case returned after arbitration goes
 * back to the campaign office rather than bouncing between departments again.
 */
public final class Returns {

    /** DispatchFailed reason for a case that waits for arbitration after too many returns. */
    public static final String RETURNED_TOO_OFTEN = "RETURNED_TOO_OFTEN";

    private final CaseFiles files;
    private final RuleBook rules;
    private final Registry registry;
    private final Supplier<AlertLevel> alert;
    private final Catalogue catalogue;
    private final ReturnPolicy policy;
    private final DispatchEvents events;
    private final Clock clock;
    private final ZoneId cityZone;
    private final Supplier<String> eventIds;
    private final GridRoster roster;
    private final CampaignCalendar campaigns;

    public Returns(CaseFiles files, RuleBook rules, Registry registry, Supplier<AlertLevel> alert, Catalogue catalogue,
            ReturnPolicy policy, DispatchEvents events, Clock clock, ZoneId cityZone, Supplier<String> eventIds,
            GridRoster roster, CampaignCalendar campaigns) {
        this.files = files;
        this.rules = rules;
        this.registry = registry;
        this.alert = alert;
        this.catalogue = catalogue;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
        this.cityZone = cityZone;
        this.eventIds = eventIds;
        this.roster = roster;
        this.campaigns = campaigns;
    }

    /**
     * Routes a returned case again, or sends it to arbitration. Every write is conditional on the
     * file read (see {@link CaseFiles#update}): if another act on the case came first, on this or
     * another instance, the file is read again and the return decided on what it now says.
     */
    public CaseFile returned(CaseReturned event) {
        while (true) {
            CaseFile file = files.byId(event.caseId()).orElseThrow(() -> new NotFound("no case " + event.caseId()));
            if (file.hasProcessed(event.eventId())) {
                republishLast(file);
                return file;
            }
            Optional<CaseFile> done = returned(file, event);
            if (done.isPresent()) {
                return done.get();
            }
        }
    }

    private Optional<CaseFile> returned(CaseFile file, CaseReturned event) {
        if (file.status() == CaseStatus.CLOSED) {
            return commit(file.noted(event.eventId(), clock.instant()), null);
        }
        CaseFile returned = file.withReturn(event.department(), event.eventId(), clock.instant());
        List<TraceStep> trace = new ArrayList<>();
        trace.add(new TraceStep("return", "returned by " + event.department() + " (" + event.reasonCode() + ": "
                + event.reason() + "); return " + returned.returns() + " of " + policy.maxReturns()));
        if (!file.arbitrations().isEmpty()) {
            return toArbitration(returned, RETURNED_TOO_OFTEN, "returned after the campaign office's decision", trace);
        }
        if (policy.needsArbitration(returned.returns())) {
            return toArbitration(returned, RETURNED_TOO_OFTEN, "returned " + returned.returns() + " times by "
                    + returned.returnedBy(), trace);
        }
        Optional<Routing> routing = rules.engine().route(facts(returned), new LinkedHashSet<>(returned.returnedBy()));
        if (routing.isEmpty()) {
            return toArbitration(returned, "NO_DEPARTMENT_LEFT", "no department left after returns by "
                    + returned.returnedBy(), trace);
        }
        Routing r = campaigns.apply(routing.get(), returned.category(),
                returned.territory() == null ? null : returned.territory().districtCode());
        trace.addAll(r.trace());
        CaseDispatched rerouted = dispatched(returned, r.leadDepartment(), r.coHandlingDepartments(), r.level(),
                r.priority(), r.deadlineProfile(), r.ruleId(), r.ruleVersion(), false, trace);
        return commit(returned.dispatched(rerouted, clock.instant()), rerouted);
    }

    /** Writes the file with its event in its outbox if nobody changed it since it was read, then publishes; empty when someone did. */
    private Optional<CaseFile> commit(CaseFile next, Event event) {
        if (!files.update(next, event)) {
            return Optional.empty();
        }
        if (event != null) {
            events.publishSoon(next.id());
        }
        return Optional.of(next);
    }

    public List<CaseFile> awaitingArbitration() {
        return files.withStatus(CaseStatus.AWAITING_ARBITRATION);
    }

    public CaseDispatched arbitrate(String caseId, Arbitration request) {
        List<FieldError> errors = HandAssignment.check(catalogue, request.leadDepartment(), request.coHandlingDepartments(),
                request.level(), request.priority(), request.deadlineProfile(), request.decidedBy(), campaigns.profiles());
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(new FieldError("reason", "required: the decision is final and its reason is recorded"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        while (true) {
            CaseFile file = files.byId(caseId).orElseThrow(() -> new NotFound("no case " + caseId));
            if (file.status() != CaseStatus.AWAITING_ARBITRATION) {
                throw new Conflict("case " + caseId + " is " + file.status() + ", not awaiting arbitration");
            }
            Arbitration decided = new Arbitration(request.leadDepartment(), List.copyOf(request.coHandlingDepartments() == null
                    ? List.of() : request.coHandlingDepartments()), request.level(), request.priority(),
                    request.deadlineProfile(), request.decidedBy(), request.reason(), clock.instant());
            List<TraceStep> trace = List.of(new TraceStep("arbitration", "campaign office (攻坚办) decision by "
                    + decided.decidedBy() + ", final: " + decided.reason() + "; earlier returns by " + file.returnedBy()));
            CaseDispatched event = dispatched(file, decided.leadDepartment(), decided.coHandlingDepartments(), decided.level(),
                    decided.priority(), decided.deadlineProfile(), "ARBITRATION", 0, true, trace);
            // two offices deciding at once, on two instances: the first write wins, the second reads OPEN and gets 409
            if (commit(file.arbitrated(decided, event, clock.instant()), event).isPresent()) {
                return event;
            }
        }
    }

    private Optional<CaseFile> toArbitration(CaseFile file, String reason, String detail, List<TraceStep> trace) {
        trace.add(new TraceStep("arbitration", detail + "; waiting for the campaign office (攻坚办)"));
        DispatchFailed failed = new DispatchFailed(eventIds.get(), file.openingComplaintId(), file.trackingNumber(), file.id(),
                reason, detail, List.copyOf(new LinkedHashSet<>(file.returnedBy())), trace, clock.instant(), DispatchFailed.VERSION);
        return commit(file.awaitingArbitration(failed, clock.instant()), failed);
    }

    private CaseDispatched dispatched(CaseFile file, String lead, List<String> co, String level, String priority, String profile,
            String ruleId, int ruleVersion, boolean arbitrated, List<TraceStep> trace) {
        GeoPoint location = file.location();
        return new CaseDispatched(eventIds.get(), file.id(), file.openingComplaintId(), file.trackingNumber(), file.category(),
                location, file.territory(), file.territory() == null ? null : roster.team(file.territory().gridId()).orElse(null),
                lead, co, Level.valueOf(level), Priority.valueOf(priority), profile, file.sourceId(), ruleId, ruleVersion,
                file.routingRound() + 1, arbitrated, List.copyOf(trace), clock.instant(), CaseDispatched.VERSION);
    }

    private Facts facts(CaseFile file) {
        LonLat point = file.gcjLongitude() == null ? null : new LonLat(file.gcjLongitude(), file.gcjLatitude());
        SourceLink link = file.sourceId() == null ? null : registry.byId(file.sourceId())
                .map(s -> new SourceLink(s, point == null ? 0 : point.metresTo(s.position()))).orElse(null);
        String group = catalogue.category(file.category()).map(c -> c.group()).orElse(null);
        return new Facts(file.category(), group, file.territory() == null ? null : file.territory().districtCode(), link,
                file.reportedAt() == null ? null : file.reportedAt().atZone(cityZone).toLocalTime(), alert.get());
    }

    private void republishLast(CaseFile file) {
        Event last = "FAILED".equals(file.lastEventType()) && file.lastFailure() != null ? file.lastFailure() : file.lastDispatch();
        if (last != null) {
            files.announce(file.id(), last);
            events.publishSoon(file.id());
        }
    }
}
