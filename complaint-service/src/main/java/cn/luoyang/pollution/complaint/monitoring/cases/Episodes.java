package cn.luoyang.pollution.complaint.monitoring.cases;

import java.util.Optional;

/** The store of monitor episodes ({@code monitor_episodes}), one document per {@link Episode#keyOf key}. */
public interface Episodes {

    Optional<Episode> of(String key);

    /**
     * Makes {@code next} the key's episode if the key is still as it was read: free ({@code previousOpener} null)
     * or opened by {@code previousOpener}. False when another delivery changed it first.
     */
    boolean claim(Episode next, String previousOpener);

    /** Adds a fault's event id to the key's episode (once). */
    void addFault(String key, String faultEventId);

    /** Frees the key if {@code opener} still holds it (its complaint could not be registered). */
    void release(String key, String opener);
}
