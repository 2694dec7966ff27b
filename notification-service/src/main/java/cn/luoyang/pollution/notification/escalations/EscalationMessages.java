package cn.luoyang.pollution.notification.escalations;

import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.cases.DeadlineApproaching;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.ClockNotice;
import cn.luoyang.pollution.notification.units.UnitAlerts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns enforcement's clock events into SMS for the people the directory names and a post to the
 * unit's webhook: a reminder (临期提醒) and an overdue notice (超期) to the unit's leader, an escalation
 * (督办升级) to the holders of its level. The unit is the event's department at the territory of the
 * case's lead ({@code DEPARTMENT@territory}); its leaders are that unit's entries, else the department's
 * plain ones ({@link Directory#holdingFor}). One message per (event, person): its key is (case, kind,
 * person, event id), and one post per event (the alert's natural key), so a redelivered event, a
 * restart or a second instance queues nothing new. A message is urgent (sent
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
    private final UnitAlerts units;

    public EscalationMessages(Messages messages, Directory directory, CaseFiles caseFiles, MessageTemplates templates,
            ZoneId zone, Clock clock, Runnable wakeSender, UnitAlerts units) {
        this.units = units;
        this.messages = messages;
        this.directory = directory;
        this.caseFiles = caseFiles;
        this.templates = templates;
        this.zone = zone;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    /** 超期: the unit's leader hears which clock ran out and when; the unit's webhook too. */
    public int overdue(CaseOverdue event) {
        String clockName = nameOf(event.clock());
        Optional<CaseFile> file = caseFiles.of(event.caseId());
        ResponsibleUnit unit = ResponsibleUnit.of(event.department(), file);
        units.clock(new ClockNotice("OVERDUE", event.caseId() + "/OVERDUE/" + clockName + "/" + event.deadline(),
                event.caseId(), tracking(event.caseId(), file), event.department(), unit.code(), clockName,
                event.deadline(), null, event.occurredAt()));
        return send(event.eventId(), event.caseId(), file, Milestone.OVERDUE, directory.holdingFor(Role.UNIT_LEADER, unit),
                clockName, event.deadline(), false);
    }

    /**
     * 督办升级: the holders of the level (the unit's leader, the campaign office, the discipline office);
     * the unit's webhook hears of every level.
     */
    public int escalated(CaseEscalated event) {
        if (event.level() == null) {
            return 0;
        }
        Role role = Role.valueOf(event.level().name()); // every escalation level is a role of the directory
        Optional<CaseFile> file = caseFiles.of(event.caseId());
        ResponsibleUnit unit = ResponsibleUnit.of(event.department(), file);
        units.clock(new ClockNotice("ESCALATED", event.caseId() + "/ESCALATED/" + event.eventId(), event.caseId(),
                tracking(event.caseId(), file), event.department(), unit.code(), nameOf(event.clock()), null, event.level().name(),
                event.occurredAt()));
        return send(event.eventId(), event.caseId(), file, Milestone.ESCALATED, directory.holdingFor(role, unit),
                nameOf(event.clock()), null, role == Role.DISCIPLINE_OFFICE);
    }

    /** 临期提醒: a clock's reminder ({@code case.deadline-approaching.v1}), to the leader of the case's lead unit and its webhook. */
    public int reminder(DeadlineApproaching event) {
        Optional<CaseFile> file = caseFiles.of(event.caseId());
        if (file.isEmpty() || file.get().leadDepartment() == null) {
            return 0;
        }
        ResponsibleUnit unit = ResponsibleUnit.lead(file.get());
        String clockName = nameOf(event.clock());
        Instant deadline = event.deadline();
        units.clock(new ClockNotice("REMINDER", event.caseId() + "/REMINDER/" + event.eventId(), event.caseId(),
                tracking(event.caseId(), file), unit.department(), unit.code(), clockName, deadline, null,
                event.occurredAt()));
        return send(event.eventId(), event.caseId(), file, Milestone.REMINDER, directory.holdingFor(Role.UNIT_LEADER, unit),
                clockName, deadline, false);
    }

    private static String nameOf(ClockName clock) {
        return clock == null ? "" : clock.name();
    }

    private int send(String eventId, String caseId, Optional<CaseFile> file, Milestone kind, List<Person> people,
            String clockName, Instant deadline, boolean urgentLevel) {
        if (people.isEmpty()) {
            return 0;
        }
        boolean urgent = urgentLevel || file.map(CaseFile::urgent).orElse(false);
        String tracking = tracking(caseId, file);
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

    private static String tracking(String caseId, Optional<CaseFile> file) {
        return file.flatMap(CaseFile::trackingNumber).orElse(caseId);
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
            case "RECTIFY" -> "整改期限";
            default -> clock;
        };
    }
}
