package cn.luoyang.pollution.notification.units;

import java.time.Instant;
import java.util.Map;

/**
 * One notice to a responsible unit's webhook (unit = {@code DEPARTMENT@territory} or a department): a
 * new case (新案件), a clock event (临期提醒, 超期, 督办升级) or the daily digest (每日超期汇总). It never
 * carries anything about the reporter (departments never see who reported). Retried with backoff
 * until the unit's endpoint answers 2xx, or given up after {@code maxAttempts}.
 */
public record UnitAlert(String id, String kind, String caseId, String unit, String url,
        Map<String, Object> payload, State state, int attempts, Instant nextAttemptAt, String lastError) {

    public enum State { PENDING, DELIVERED, FAILED }

    public static UnitAlert pending(String id, String kind, String caseId, String unit, String url,
            Map<String, Object> payload, Instant now) {
        return new UnitAlert(id, kind, caseId, unit, url, payload, State.PENDING, 0, now, null);
    }

    public UnitAlert delivered() {
        return new UnitAlert(id, kind, caseId, unit, url, payload, State.DELIVERED, attempts + 1, null, null);
    }

    public UnitAlert failedAttempt(String error, Instant retryAt, int maxAttempts) {
        int tried = attempts + 1;
        State next = tried >= maxAttempts ? State.FAILED : State.PENDING;
        return new UnitAlert(id, kind, caseId, unit, url, payload, next, tried,
                next == State.PENDING ? retryAt : null, error);
    }
}
