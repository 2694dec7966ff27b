package cn.luoyang.pollution.dispatch.rules;

import java.time.Clock;

/**
 * The heavy-pollution alert level in force (重污染天气预警), set by the campaign office. Read from
 * the store at each use (one read by id), so a level set through any instance is the level of the
 * next decision on all of them.
 */
public final class CurrentAlert {

    private final AlertLevelStore store;
    private final Clock clock;

    public CurrentAlert(AlertLevelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public AlertLevel level() {
        return setting().level();
    }

    public AlertLevelStore.AlertSetting setting() {
        return store.load().orElseGet(() -> new AlertLevelStore.AlertSetting(AlertLevel.NONE, "default", clock.instant()));
    }

    public AlertLevelStore.AlertSetting set(AlertLevel level, String setBy) {
        AlertLevelStore.AlertSetting next = new AlertLevelStore.AlertSetting(level, setBy, clock.instant());
        store.save(next);
        return next;
    }
}
