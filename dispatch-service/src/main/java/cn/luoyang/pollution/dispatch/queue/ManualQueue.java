package cn.luoyang.pollution.dispatch.queue;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.common.Conflict;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.Decisions;
import cn.luoyang.pollution.dispatch.dispatching.DispatchEvents;
import cn.luoyang.pollution.dispatch.dispatching.HandAssignment;
import cn.luoyang.pollution.dispatch.dispatching.ManualAssignment;
import cn.luoyang.pollution.dispatch.dispatching.Outcome;
import cn.luoyang.pollution.dispatch.duplicates.OpenCase;
import cn.luoyang.pollution.dispatch.duplicates.OpenCases;
import cn.luoyang.pollution.dispatch.geo.ChinaDatum;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.grids.GridRoster;
import cn.luoyang.pollution.dispatch.jurisdiction.District;
import cn.luoyang.pollution.dispatch.jurisdiction.GridCell;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import cn.luoyang.pollution.dispatch.jurisdiction.Township;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The campaign office's (攻坚办) manual queue: every complaint that no rule could route waits here
 * with its reason and candidates until a person dispatches it. Nothing is dropped.
 */
public final class ManualQueue {

    private final Decisions decisions;
    private final CaseFiles files;
    private final OpenCases openCases;
    private final Jurisdiction jurisdiction;
    private final Catalogue catalogue;
    private final DispatchEvents events;
    private final Clock clock;
    private final Supplier<String> eventIds;
    private final GridRoster roster;
    private final List<String> profiles;

    public ManualQueue(Decisions decisions, CaseFiles files, OpenCases openCases, Jurisdiction jurisdiction, Catalogue catalogue,
            DispatchEvents events, Clock clock, Supplier<String> eventIds, GridRoster roster,
            List<String> profiles) {
        this.decisions = decisions;
        this.files = files;
        this.openCases = openCases;
        this.jurisdiction = jurisdiction;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
        this.eventIds = eventIds;
        this.roster = roster;
        this.profiles = List.copyOf(profiles);
    }

    public List<DecisionRecord> waiting() {
        return decisions.queued();
    }

    public CaseDispatched assign(String complaintId, ManualAssignment manual) {
        List<FieldError> errors = new ArrayList<>(HandAssignment.check(catalogue, manual.leadDepartment(),
                manual.coHandlingDepartments(), manual.level(), manual.priority(), manual.deadlineProfile(), manual.assignedBy(), profiles));
        errors.replaceAll(e -> e.field().equals("decidedBy") ? new FieldError("assignedBy", e.message()) : e);
        District district = jurisdiction.districts().byCode(manual.districtCode()).orElse(null);
        if (district == null) {
            errors.add(new FieldError("districtCode", "unknown district " + manual.districtCode()));
        }
        Township township = null;
        if (manual.townshipCode() != null && !manual.townshipCode().isBlank()) {
            township = jurisdiction.divisions().township(manual.townshipCode()).orElse(null);
            if (township == null || district != null && !township.districtCode().equals(district.code())) {
                errors.add(new FieldError("townshipCode", "unknown township " + manual.townshipCode() + " in " + manual.districtCode()));
            }
        }
        GridCell grid = null;
        if (manual.gridId() != null && !manual.gridId().isBlank()) {
            grid = jurisdiction.grids().byId(manual.gridId()).orElse(null);
            if (grid == null || district != null && !grid.districtCode().equals(district.code())) {
                errors.add(new FieldError("gridId", "unknown grid " + manual.gridId() + " in " + manual.districtCode()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Territory territory = new Territory(district.code(), district.name(), township == null ? null : township.code(),
                township == null ? null : township.name(), null, grid == null ? null : grid.id(), Territory.FoundBy.MANUAL);
        DecisionRecord queued = decisions.byId(complaintId).orElseThrow(() -> new NotFound("no complaint " + complaintId));
        if (queued.outcome() != Outcome.QUEUED) {
            throw new Conflict("complaint " + complaintId + " is " + queued.outcome() + ", not waiting in the manual queue");
        }
        List<TraceStep> trace = new ArrayList<>(queued.trace());
        trace.add(new TraceStep("manual", "assigned by " + manual.assignedBy() + " to " + manual.leadDepartment()
                + " in " + district + (manual.note() == null ? "" : ": " + manual.note())));
        String caseId = "CASE-" + queued.trackingNumber();
        CaseDispatched event = new CaseDispatched(eventIds.get(), caseId, complaintId, queued.trackingNumber(),
                queued.category(), queued.location(), territory, roster.team(territory.gridId()).orElse(null),
                manual.leadDepartment(),
                manual.coHandlingDepartments() == null ? List.of() : List.copyOf(manual.coHandlingDepartments()),
                Level.valueOf(manual.level()), Priority.valueOf(manual.priority()), manual.deadlineProfile(), null, "MANUAL", 0, 1,
                false, trace,
                clock.instant(), CaseDispatched.VERSION);
        // The decision's change from QUEUED is the commit: of two people assigning at once (on any instances)
        // exactly one gets past it; the other gets 409 and nothing is filed or published for it.
        if (!decisions.assign(queued.assigned(manual, event), event)) {
            throw new Conflict("complaint " + complaintId + " was assigned meanwhile, not waiting in the manual queue");
        }
        LonLat point = queued.location() == null ? null : ChinaDatum.toGcj02(queued.location());
        CaseFile file = new CaseFile(caseId, complaintId, queued.trackingNumber(), queued.category(), queued.location(),
                point == null ? null : point.longitude(), point == null ? null : point.latitude(), queued.reportedAt(),
                territory, null, List.of(complaintId), CaseStatus.OPEN, List.of(), 0, 0, null, null, null, List.of(),
                List.of(), clock.instant(), 0).dispatched(event, clock.instant());
        files.insert(file);
        if (point != null && queued.reportedAt() != null && catalogue.category(queued.category()).isPresent()) {
            openCases.add(new OpenCase(caseId, queued.category(), point, queued.reportedAt()));
        }
        events.publishSoon(complaintId);
        return event;
    }
}
