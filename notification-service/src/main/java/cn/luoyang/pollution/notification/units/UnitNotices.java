package cn.luoyang.pollution.notification.units;

import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.notification.sending.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells the responsible unit about a new case and an overdue one through the webhook configured for
 * its department (or a default one). Alerts are stored first, keyed by what they are about, so a
 * redelivered event adds none, and a sweep delivers them with exponential backoff and jitter.
 */
public final class UnitNotices implements UnitAlerts {

    /** How long a sweep holds an alert it posts: far longer than the webhook timeout. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final UnitAlertStore store;
    private final UnitWebhook webhook;
    private final Function<String, Optional<String>> urlOfDepartment;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;

    public UnitNotices(UnitAlertStore store, UnitWebhook webhook, Function<String, Optional<String>> urlOfDepartment,
            Backoff backoff, int maxAttempts, Clock clock) {
        this.store = store;
        this.webhook = webhook;
        this.urlOfDepartment = urlOfDepartment;
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
        payload.put("priority", event.priority());
        payload.put("level", event.level());
        payload.put("routingRound", event.routingRound());
        payload.put("occurredAt", event.occurredAt().toString());
        add(event.caseId() + "/NEW_CASE/" + event.routingRound() + "/" + event.leadDepartment(), "NEW_CASE",
                event.caseId(), event.leadDepartment(), payload);
    }

    @Override
    public void overdue(CaseOverdue event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "OVERDUE");
        payload.put("caseId", event.caseId());
        payload.put("department", event.department());
        payload.put("clock", event.clock());
        payload.put("deadline", event.deadline() == null ? null : event.deadline().toString());
        payload.put("occurredAt", event.occurredAt().toString());
        add(event.caseId() + "/OVERDUE/" + event.clock() + "/" + event.deadline(), "OVERDUE", event.caseId(),
                event.department(), payload);
    }

    private void add(String id, String kind, String caseId, String department, Map<String, Object> payload) {
        urlOfDepartment.apply(department).ifPresent(url -> {
            payload.put("alertId", id);
            store.add(UnitAlert.pending(id, kind, caseId, department, url, payload, clock.instant()));
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
