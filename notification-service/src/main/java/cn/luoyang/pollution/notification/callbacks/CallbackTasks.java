package cn.luoyang.pollution.notification.callbacks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The callback worklist's store (回访任务). */
public interface CallbackTasks {

    /** Stores a new task; false when the task exists already (same id: a redelivery or another instance). */
    boolean add(CallbackTask task);

    Optional<CallbackTask> byId(String id);

    /** Writes the task if its version is still the one read (then the version goes up); false otherwise. */
    boolean save(CallbackTask task);

    /**
     * Writes a task that just ended (like {@link #save}) together with the events its end announces,
     * in one write: an ANSWERED task's survey answer ({@code ReporterFeedbackReceived}).
     */
    boolean finish(CallbackTask finished);

    /** OPEN tasks due by {@code now}, oldest first. */
    List<CallbackTask> open(Instant now, int max);

    /** TAKEN tasks held by {@code operator}, oldest taken first. */
    List<CallbackTask> heldBy(String operator, int max);
}
