package cn.luoyang.pollution.notification.messages.persistence;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.notification.escalations.Person;
import cn.luoyang.pollution.notification.sites.SiteAlerts;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * The outbox entries of a message's changes: one {@code ReporterNotified} on {@code reporters.notified}
 * (keyed by complaint id) per change, its id derived from (message, state), so a republication after a
 * crash carries the same id. A message to a directory person (an escalation) or to a site's
 * responsible person (a monitor's case) is no reporter's milestone and announces nothing.
 */
public final class ReporterNotifiedEntries {

    private ReporterNotifiedEntries() {
    }

    public static List<OutboxEntry> of(SmsMessage m) {
        if (m.complaintId().startsWith(Person.RECIPIENT_PREFIX) || SiteAlerts.isSiteRecipient(m.complaintId())) {
            return List.of(); // a directory person (escalation) or a site's responsible person: no reporter's milestone
        }
        return m.unannounced().stream().map(change -> entry(m, change)).toList();
    }

    /** The event id of the message's change to {@code state}. */
    public static String eventId(String messageId, Object state) {
        return UUID.nameUUIDFromBytes((messageId + "|" + state).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The event the former relay published for a document flagged {@code eventPending} (see
     * {@link PendingFlagUpgrade}): the message's current state, with the id derived from it, dated
     * when it is published ({@code now}) as that relay dated it.
     */
    static List<OutboxEntry> formerlyPending(Document message, Instant now) {
        String complaintId = message.getString("complaintId");
        if (complaintId == null || complaintId.startsWith(Person.RECIPIENT_PREFIX)) {
            return List.of();
        }
        String id = message.getString("_id");
        String state = message.getString("state");
        ReporterNotified event = new ReporterNotified(eventId(id, state), id, complaintId, message.getString("caseId"),
                message.getString("milestone"), message.getString("maskedPhone"), state,
                message.getString("gatewayMessageId"), now, ReporterNotified.VERSION);
        return List.of(new OutboxEntry(event, Topics.REPORTERS_NOTIFIED, now));
    }

    private static OutboxEntry entry(SmsMessage m, SmsMessage.Change change) {
        ReporterNotified event = new ReporterNotified(eventId(m.id(), change.state()), m.id(), m.complaintId(),
                m.caseId(), m.milestone().name(), m.maskedPhone(), change.state().name(), m.gatewayMessageId(),
                change.at(), ReporterNotified.VERSION);
        return new OutboxEntry(event, Topics.REPORTERS_NOTIFIED, change.at());
    }
}
