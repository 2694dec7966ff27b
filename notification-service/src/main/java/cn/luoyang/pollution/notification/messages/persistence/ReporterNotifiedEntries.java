package cn.luoyang.pollution.notification.messages.persistence;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.notification.escalations.Person;
import cn.luoyang.pollution.notification.sites.SiteAlerts;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

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

    private static OutboxEntry entry(SmsMessage m, SmsMessage.Change change) {
        ReporterNotified event = new ReporterNotified(eventId(m.id(), change.state()), m.id(), m.complaintId(),
                m.caseId(), m.milestone().name(), m.maskedPhone(), change.state().name(), m.gatewayMessageId(),
                change.at(), ReporterNotified.VERSION);
        return new OutboxEntry(event, Topics.REPORTERS_NOTIFIED, change.at());
    }
}
