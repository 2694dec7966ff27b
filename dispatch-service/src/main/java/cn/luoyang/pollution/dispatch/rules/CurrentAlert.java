package cn.luoyang.pollution.dispatch.rules;

import java.time.Clock;

/** The heavy-pollution alert level in force (重污染天气预警), set by the campaign office. */
public final class CurrentAlert {

    private final AlertLevelStore store;
    private final Clock clock;
    private volatile AlertLevelStore.AlertSetting setting;

    public CurrentAlert(AlertLevelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.setting = store.load().orElse(new AlertLevelStore.AlertSetting(AlertLevel.NONE, "default", clock.instant()));
    }

    public AlertLevel level() {
        return setting.level();
    }

    public AlertLevelStore.AlertSetting setting() {
        return setting;
    }

    public AlertLevelStore.AlertSetting set(AlertLevel level, String setBy) {
        AlertLevelStore.AlertSetting next = new AlertLevelStore.AlertSetting(level, setBy, clock.instant());
        store.save(next);
        setting = next;
        return next;
    }
}
