package cn.luoyang.pollution.dispatch.rules;

import java.time.Instant;
import java.util.Optional;

/** Where the current heavy-pollution alert level is kept, so a restart does not forget an alert in force. */
public interface AlertLevelStore {

    Optional<AlertSetting> load();

    void save(AlertSetting setting);

    record AlertSetting(AlertLevel level, String setBy, Instant setAt) {
    }
}
