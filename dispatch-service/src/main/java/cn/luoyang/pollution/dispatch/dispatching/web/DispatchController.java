package cn.luoyang.pollution.dispatch.dispatching.web;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.Complaint;
import cn.luoyang.pollution.dispatch.dispatching.DecisionRecord;
import cn.luoyang.pollution.dispatch.dispatching.Decisions;
import cn.luoyang.pollution.dispatch.dispatching.Dispatcher;
import cn.luoyang.pollution.dispatch.registry.Registry;
import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.CurrentAlert;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Explain a hypothetical complaint; read stored decisions and case files. */
@RestController
@RequestMapping("/dispatch")
class DispatchController {

    private final Dispatcher dispatcher;
    private final Decisions decisions;
    private final CaseFiles files;
    private final CurrentAlert alert;
    private final Registry registry;
    private final Clock clock;

    public DispatchController(Dispatcher dispatcher, Decisions decisions, CaseFiles files, CurrentAlert alert, Registry registry,
            Clock clock) {
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.decisions = decisions;
        this.files = files;
        this.alert = alert;
        this.clock = clock;
    }

    @PostMapping("/explain")
    public Explanation explain(@RequestBody ExplainRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.category() == null || request.category().isBlank()) {
            errors.add(new FieldError("category", "required: a category code of the catalogue"));
        }
        if (request.location() != null && request.location().datum() == null) {
            errors.add(new FieldError("location.datum", "required: WGS84 or GCJ02"));
        }
        if (request.sourceId() != null && registry.byId(request.sourceId()).isEmpty()) {
            errors.add(new FieldError("sourceId", "no registered source " + request.sourceId()));
        }
        AlertLevel level = alert.level();
        if (request.alertLevel() != null) {
            try {
                level = AlertLevel.valueOf(request.alertLevel().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("alertLevel", "must be one of " + List.of(AlertLevel.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Complaint complaint = new Complaint("explain", request.trackingNumber() == null ? "EXPLAIN" : request.trackingNumber(),
                request.category(), request.location(), request.addressText(), request.description(),
                request.observedAt() == null ? clock.instant() : request.observedAt(), request.sourceId());
        return Explanation.of(dispatcher.decide(complaint, level));
    }

    @GetMapping("/decisions/{complaintId}")
    public DecisionRecord decision(@PathVariable String complaintId) {
        return decisions.byId(complaintId).orElseThrow(() -> new NotFound("no decision for complaint " + complaintId));
    }

    @GetMapping("/cases/{caseId}")
    public CaseFile caseFile(@PathVariable String caseId) {
        return files.byId(caseId).orElseThrow(() -> new NotFound("no case " + caseId));
    }
}
