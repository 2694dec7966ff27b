package cn.luoyang.pollution.contracts;

/** Kafka topic names. Each topic has one producing service; {@code .dlt} topics hold what could not be read. */
public final class Topics {

    /** External: the hotline platform (12345/12369, WeChat, web) publishes {@code ComplaintSubmitted}. */
    public static final String COMPLAINTS_SUBMITTED = "complaints.submitted";
    /** complaint-service: {@code ComplaintRegistered}. */
    public static final String COMPLAINTS_REGISTERED = "complaints.registered";
    /** complaint-service: {@code ComplaintRejected}, read by the source systems. */
    public static final String COMPLAINTS_REJECTED = "complaints.rejected";
    /** complaint-service: {@code ReporterNoteAdded}, follow-ups for the case's handler (no consumer yet). */
    public static final String COMPLAINTS_NOTES = "complaints.notes";
    /** dispatch-service: {@code CaseDispatched}, {@code ComplaintMerged}, {@code DispatchFailed}, {@code QueuedComplaintEscalated}. */
    public static final String CASES_DISPATCHED = "cases.dispatched";
    /** enforcement-service: every transition of a case. */
    public static final String CASES_LIFECYCLE = "cases.lifecycle";
    /** notification-service: {@code ReporterNotified}. */
    public static final String REPORTERS_NOTIFIED = "reporters.notified";
    /** notification-service: {@code ReporterFeedbackReceived} (survey replies by SMS). */
    public static final String REPORTERS_FEEDBACK = "reporters.feedback";
    /** notification-service: {@code CallbackCompleted}, the end of each callback (回访) by the hotline's operators. */
    public static final String REPORTERS_CALLBACKS = "reporters.callbacks";
    /** complaint-service (HJ 212 receiver): {@code MonitorReadingReceived}, keyed by the monitor's MN. */
    public static final String MONITORING_READINGS = "monitoring.readings";
    /** complaint-service (stream processor): {@code MonitorFaultDetected}, {@code MonitorFaultCleared}, keyed by MN. */
    public static final String MONITORING_FAULTS = "monitoring.faults";

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
