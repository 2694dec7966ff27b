package cn.luoyang.pollution.notification.escalations;

import cn.luoyang.pollution.contracts.dispatch.QueuedComplaintEscalated;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A complaint waiting too long in the campaign office's manual queue (人工分派时限, dispatch's queue
 * clock): an escalation SMS to the directory's CAMPAIGN_OFFICE holders (the office's leaders), one
 * per (complaint, person, event id), so a redelivery, a restart or a second instance queues nothing
 * new. Not a case yet: the complaint's tracking number names it.
 */
public final class QueueEscalations {

    /** The clock's name in the escalation text. */
    static final String CLOCK = "人工分派时限";

    private final Messages messages;
    private final Directory directory;
    private final MessageTemplates templates;
    private final Clock clock;
    private final Runnable wakeSender;

    public QueueEscalations(Messages messages, Directory directory, MessageTemplates templates, Clock clock,
            Runnable wakeSender) {
        this.messages = messages;
        this.directory = directory;
        this.templates = templates;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    /** Queues the SMS; returns how many were new. */
    public int escalated(QueuedComplaintEscalated event) {
        Role role;
        try {
            role = Role.valueOf(event.level());
        } catch (IllegalArgumentException | NullPointerException e) {
            return 0;
        }
        List<Person> people = directory.holding(role, null);
        String tracking = event.trackingNumber() == null || event.trackingNumber().isBlank() ? event.complaintId()
                : event.trackingNumber();
        int queued = 0;
        for (Person person : people) {
            String text = templates.render(Milestone.ESCALATED, Map.of("trackingNumber", tracking, "clock", CLOCK,
                    "deadline", "", "name", person.name()));
            MessageKey key = new MessageKey(event.complaintId(), Milestone.ESCALATED, person.recipientId(), event.eventId());
            if (messages.add(SmsMessage.queue(key, event.complaintId(), text, false, clock.instant()))) {
                queued++;
            }
        }
        if (queued > 0) {
            wakeSender.run();
        }
        return queued;
    }
}
