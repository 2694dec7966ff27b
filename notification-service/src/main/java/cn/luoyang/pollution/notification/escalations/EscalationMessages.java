package cn.luoyang.pollution.notification.escalations;

import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.CaseProgressed;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns enforcement's clock events into SMS for the people the directory names: a reminder
 * (临期提醒) and an overdue notice (超期) to the unit's leader, an escalation (督办升级) to the holders
 * of its level. One message per (event, person): its key is (case, kind, person, event id), so a
 * redelivered event, a restart or a second instance queues nothing new. A message is urgent (sent
 * in quiet hours) when the case was dispatched URGENT (the case file), or the escalation reached the
 * discipline office.
 */
public final class EscalationMessages {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;
    private final Directory directory;
    private final CaseFiles caseFiles;
    private final MessageTemplates templates;
    private final ZoneId zone;
    private final Clock clock;
    private final Runnable wakeSender;

    public EscalationMessages(Messages messages, Directory directory, CaseFiles caseFiles, MessageTemplates templates,
            ZoneId zone, Clock clock, Runnable wakeSender) {
        this.messages = messages;
        this.directory = directory;
        this.caseFiles = caseFiles;
        this.templates = templates;
        this.zone = zone;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    /** 超期: the unit's leader hears which clock ran out and when. */
    public int overdue(CaseOverdue event) {
        return send(event.eventId(), event.caseId(), Milestone.OVERDUE, directory.holding(Role.UNIT_LEADER, event.department()),
                event.clock(), event.deadline(), false);
    }

    /** 督办升级: the holders of the level (the unit's leader, the campaign office, the discipline office). */
    public int escalated(CaseEscalated event) {
        Role role;
        try {
            role = Role.valueOf(event.level());
        } catch (IllegalArgumentException | NullPointerException e) {
            return 0;
        }
        return send(event.eventId(), event.caseId(), Milestone.ESCALATED, directory.holding(role, event.department()),
                event.clock(), null, role == Role.DISCIPLINE_OFFICE);
    }

    /** 临期提醒: a {@code DEADLINE_REMINDER} progress event, to the leader of the case's lead unit. */
    public int reminder(CaseProgressed event) {
        if (!"DEADLINE_REMINDER".equals(event.action())) {
            return 0;
        }
        String department = caseFiles.of(event.caseId()).map(CaseFile::leadDepartment).orElse(null);
        if (department == null) {
            return 0;
        }
        String note = event.note() == null ? "" : event.note();
        int at = note.indexOf(" due at ");
        String clockName = at > 0 ? note.substring(0, at) : "";
        Instant deadline = null;
        if (at > 0) {
            try {
                deadline = Instant.parse(note.substring(at + " due at ".length()).strip());
            } catch (DateTimeParseException ignored) {
                // the deadline is left out of the text
            }
        }
        return send(event.eventId(), event.caseId(), Milestone.REMINDER, directory.holding(Role.UNIT_LEADER, department),
                clockName, deadline, false);
    }

    private int send(String eventId, String caseId, Milestone kind, List<Person> people, String clockName,
            Instant deadline, boolean urgentLevel) {
        if (people.isEmpty()) {
            return 0;
        }
        Optional<CaseFile> file = caseFiles.of(caseId);
        boolean urgent = urgentLevel || file.map(CaseFile::urgent).orElse(false);
        String tracking = file.flatMap(f -> f.members().stream().map(CaseFile.Member::trackingNumber)
                .filter(t -> t != null && !t.isBlank()).findFirst()).orElse(caseId);
        int queued = 0;
        for (Person person : people) {
            String text = templates.render(kind, Map.of("trackingNumber", tracking, "clock", clockName(clockName),
                    "deadline", deadline == null ? "" : DEADLINE.format(deadline.atZone(zone)), "name", person.name()));
            MessageKey key = new MessageKey(caseId, kind, person.recipientId(), eventId);
            if (messages.add(SmsMessage.queue(key, caseId, text, urgent, clock.instant()))) {
                queued++;
            }
        }
        if (queued > 0) {
            wakeSender.run();
        }
        return queued;
    }

    /** The clock's Chinese name where it is known, else its code. */
    static String clockName(String clock) {
        if (clock == null) {
            return "";
        }
        return switch (clock) {
            case "SIGN" -> "签收时限";
            case "ONSITE" -> "到场时限";
            case "CLOSE" -> "办结时限";
            default -> clock;
        };
    }
}
