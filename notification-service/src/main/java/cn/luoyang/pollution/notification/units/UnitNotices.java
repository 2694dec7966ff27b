package cn.luoyang.pollution.notification.units;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.notification.sending.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells the responsible unit about a new case, its cases' reminders, overdue notices and escalations,
 * and its daily digest, through the webhook configured for the unit ({@code DEPARTMENT@territory}),
 * else for its department, else a default one. Alerts are stored first, keyed by what they are about, so a
 * redelivered event adds none, and a sweep delivers them with exponential backoff and jitter.
 */
public final class UnitNotices implements UnitAlerts {

    /** How long a sweep holds an alert it posts: far longer than the webhook timeout. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final UnitAlertStore store;
    private final UnitWebhook webhook;
    private final Function<String, Optional<String>> urlOfUnit;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;

    public UnitNotices(UnitAlertStore store, UnitWebhook webhook, Function<String, Optional<String>> urlOfUnit,
            Backoff backoff, int maxAttempts, Clock clock) {
        this.store = store;
        this.webhook = webhook;
        this.urlOfUnit = urlOfUnit;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    @Override
    public void newCase(CaseDispatched event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "NEW_CASE");
        payload.put("caseId", event.caseId());
        payload.put("trackingNumber", event.trackingNumber());
        payload.put("department", event.leadDepartment());
        payload.put("category", event.category());
        payload.put("priority", event.priority() == null ? null : event.priority().name());
        payload.put("level", event.level() == null ? null : event.level().name());
        payload.put("routingRound", event.routingRound());
        payload.put("occurredAt", event.occurredAt().toString());
        payload.put("unit", event.leadDepartment() + "@" + event.leadTerritory());
        add(event.caseId() + "/NEW_CASE/" + event.routingRound() + "/" + event.leadDepartment(), "NEW_CASE",
                event.caseId(), event.leadDepartment() + "@" + event.leadTerritory(), payload);
    }

    @Override
    public void clock(ClockNotice n) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", n.kind());
        payload.put("caseId", n.caseId());
        payload.put("trackingNumber", n.trackingNumber());
        payload.put("department", n.department());
        payload.put("unit", n.unit());
        payload.put("clock", n.clock());
        payload.put("deadline", n.deadline() == null ? null : n.deadline().toString());
        if (n.level() != null) {
            payload.put("level", n.level());
        }
        payload.put("occurredAt", n.occurredAt() == null ? null : n.occurredAt().toString());
        add(n.alertId(), n.kind(), n.caseId(), n.unit(), payload);
    }

    /** One post per (unit, day): its id is {@code DIGEST/<unit>/<day>}. */
    @Override
    public void digest(String unit, LocalDate day, List<DigestLine> cases) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "DIGEST");
        payload.put("unit", unit);
        payload.put("day", day.toString());
        payload.put("count", cases.size());
        payload.put("cases", cases.stream().map(c -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("caseId", c.caseId());
            line.put("trackingNumber", c.trackingNumber());
            line.put("clock", c.clock());
            line.put("deadline", c.deadline() == null ? null : c.deadline().toString());
            return line;
        }).toList());
        add("DIGEST/" + unit + "/" + day, "DIGEST", null, unit, payload);
    }

    /** Stores the alert for the unit's webhook ({@code unit} is {@code DEPARTMENT} or {@code DEPARTMENT@territory}). */
    private void add(String id, String kind, String caseId, String unit, Map<String, Object> payload) {
        urlOfUnit.apply(unit).ifPresent(url -> {
            payload.put("alertId", id);
            store.add(UnitAlert.pending(id, kind, caseId, unit, url, payload, clock.instant()));
        });
    }

    /** Delivers what is due; returns how many alerts were tried. */
    public int sweep(int max) {
        int tried = 0;
        Instant now = clock.instant();
        for (UnitAlert alert : store.claimDue(now, now.plus(CLAIM), max)) {
            tried++;
            try {
                webhook.post(alert);
                store.save(alert.delivered());
            } catch (RuntimeException e) {
                Instant retryAt = clock.instant().plus(backoff.after(alert.attempts() + 1));
                store.save(alert.failedAttempt(e.getMessage(), retryAt, maxAttempts));
            }
        }
        return tried;
    }
}
