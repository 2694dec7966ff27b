package cn.luoyang.pollution.contracts;

import cn.luoyang.pollution.contracts.cases.*;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.ComplaintRejected;
import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.QueuedComplaintEscalated;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultCleared;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import cn.luoyang.pollution.contracts.notification.CallbackCompleted;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.contracts.rewards.RewardClaimDecided;
import cn.luoyang.pollution.contracts.rewards.RewardClaimOpened;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logical type name of every event ({@code ce_type}), e.g. {@code complaint.registered.v1}.
 * Consumers dispatch on this name, never on a Java class name, so packages can move freely.
 * A new version of an event gets a new name; both are listed while consumers migrate. A retired type
 * (e.g. {@code case.progressed.v1}) stays listed while records of it may still sit in a topic.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends Event>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<? extends Event>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        register("complaint.submitted.v1", ComplaintSubmitted.class);
        register("complaint.registered.v1", ComplaintRegistered.class);
        register("complaint.rejected.v1", ComplaintRejected.class);
        register("complaint.reporter-note-added.v1", ReporterNoteAdded.class);
        register("case.dispatched.v1", CaseDispatched.class);
        register("complaint.merged.v1", ComplaintMerged.class);
        register("dispatch.failed.v1", DispatchFailed.class);
        register("dispatch.queue-escalated.v1", QueuedComplaintEscalated.class);
        register("case.accepted.v1", CaseAccepted.class);
        register("case.returned.v1", CaseReturned.class);
        register("case.inspected.v1", CaseInspected.class);
        register("case.found-unfounded.v1", CaseFoundUnfounded.class);
        register("case.rectification-ordered.v1", RectificationOrdered.class);
        register("case.rectified.v1", CaseRectified.class);
        register("case.rectification-check-due.v1", RectificationCheckDue.class);
        register("case.rectification-checked.v1", RectificationChecked.class);
        register("case.verified.v1", CaseVerified.class);
        register("case.penalized.v1", CasePenalized.class);
        register("case.closure-requested.v1", ClosureRequested.class);
        register("case.closure-rejected.v1", ClosureRejected.class);
        register("case.contribution-recorded.v1", ContributionRecorded.class);
        register("case.extension-requested.v1", ExtensionRequested.class);
        register("case.extension-refused.v1", ExtensionRefused.class);
        register("case.listed-for-supervision.v1", CaseListedForSupervision.class);
        register("case.urged.v1", CaseUrged.class);
        register("case.drawn-for-reinspection.v1", CaseDrawnForReinspection.class);
        register("case.reinspection-confirmed.v1", ReinspectionConfirmed.class);
        register("case.deadline-approaching.v1", DeadlineApproaching.class);
        register("case.progressed.v1", CaseProgressed.class); // retired: read from old records, upgraded by consumers
        register("case.extended.v1", CaseExtended.class);
        register("case.closed.v1", CaseClosed.class);
        register("case.reopened.v1", CaseReopened.class);
        register("case.overdue.v1", CaseOverdue.class);
        register("case.escalated.v1", CaseEscalated.class);
        register("reward.claim-opened.v1", RewardClaimOpened.class);
        register("reward.claim-decided.v1", RewardClaimDecided.class);
        register("reporter.notified.v1", ReporterNotified.class);
        register("reporter.feedback-received.v1", ReporterFeedbackReceived.class);
        register("callback.completed.v1", CallbackCompleted.class);
        register("monitor.reading-received.v1", MonitorReadingReceived.class);
        register("monitor.fault-detected.v1", MonitorFaultDetected.class);
        register("monitor.fault-cleared.v1", MonitorFaultCleared.class);
    }

    private static void register(String name, Class<? extends Event> type) {
        BY_NAME.put(name, type);
        BY_CLASS.put(type, name);
    }

    public static String nameOf(Class<? extends Event> type) {
        String name = BY_CLASS.get(type);
        if (name == null) {
            throw new IllegalArgumentException("no logical type registered for " + type.getName());
        }
        return name;
    }

    public static Optional<Class<? extends Event>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static Map<String, Class<? extends Event>> all() {
        return Map.copyOf(BY_NAME);
    }

    private EventTypes() {
    }
}
