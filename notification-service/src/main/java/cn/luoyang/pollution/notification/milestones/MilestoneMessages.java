package cn.luoyang.pollution.notification.milestones;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseExtended;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.catalogue.Department;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import cn.luoyang.pollution.notification.templates.Language;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what happened to a complaint or case into queued messages for its reporters. Each message
 * has a natural key, so a redelivered event queues nothing new; the sender does the sending.
 */
public final class MilestoneMessages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Messages messages;
    private final ReporterContacts contacts;
    private final CaseFiles caseFiles;
    private final MessageTemplates templates;
    private final Catalogue catalogue;
    private final MilestoneSettings settings;
    private final Clock clock;
    private final Runnable wakeSender;

    public MilestoneMessages(Messages messages, ReporterContacts contacts, CaseFiles caseFiles,
            MessageTemplates templates, Catalogue catalogue, MilestoneSettings settings, Clock clock,
            Runnable wakeSender) {
        this.messages = messages;
        this.contacts = contacts;
        this.caseFiles = caseFiles;
        this.templates = templates;
        this.catalogue = catalogue;
        this.settings = settings;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    /**
     * 受理: keep the sealed contact (never the number) and confirm with the tracking number. A complaint raised by an
     * online monitor (channel ONLINE_MONITORING) has no reporter, whatever its contact says: it is kept unreachable, so
     * neither this confirmation nor any later milestone or survey is queued for it.
     */
    public void registered(ComplaintRegistered event) {
        registered(List.of(event));
    }

    /** {@link #registered(ComplaintRegistered)} for a batch: the contacts in one write, the confirmations in one. */
    public void registered(List<ComplaintRegistered> events) {
        List<ReporterContact> kept = new ArrayList<>();
        List<SmsMessage> queued = new ArrayList<>();
        for (ComplaintRegistered event : events) {
            SealedContact reporter = event.reporter();
            boolean anonymous = reporter == null || reporter.anonymous() || reporter.sealedPhone() == null
                    || event.channel() == Channel.ONLINE_MONITORING;
            kept.add(new ReporterContact(event.complaintId(), event.trackingNumber(), anonymous,
                    anonymous ? null : reporter.sealedPhone(), anonymous ? null : reporter.maskedPhone(),
                    anonymous ? null : PhoneKind.named(reporter.phoneKind())));
            if (!anonymous) {
                queued.add(message(MessageKey.of(event.complaintId(), Milestone.REGISTERED, event.complaintId()), null,
                        Map.of("trackingNumber", event.trackingNumber()), false));
            }
        }
        contacts.keepAll(kept);
        store(queued);
    }

    /** 派单: remember the case's reporters and tell this one which department handles it. */
    public void dispatched(CaseDispatched event) {
        caseEvents(List.of(event));
    }

    /** 合并: a co-reporter joins the case and hears which department handles it. */
    public void merged(ComplaintMerged event) {
        caseEvents(List.of(event));
    }

    public void accepted(CaseAccepted event) {
        caseEvents(List.of(event));
    }

    public void extended(CaseExtended event) {
        caseEvents(List.of(event));
    }

    /**
     * 办结: the reply summary and the survey question to every reporter of the case. A reopened case
     * closes again, and its reporters hear that closure too: the occurrence is the closure's event
     * id, so a redelivered closure queues nothing and each closure its own message (and survey).
     */
    public void closed(CaseClosed event) {
        caseEvents(List.of(event));
    }

    public void reopened(CaseReopened event) {
        caseEvents(List.of(event));
    }

    /**
     * The events of a batch about cases (派单, 合并, 承办, 延期, 办结, 重办; others are passed over), decided in
     * memory with one round trip per step for the whole batch: the case files' changes in order (one write), the
     * files the milestones need (one read, after it), the reporters' contacts (one read), the messages (one write;
     * those that exist already, from a redelivered batch, stay as they are). A new message announces nothing (its
     * first event is SENT or a failure), so nothing here goes to the outbox.
     */
    public void caseEvents(List<? extends Event> events) {
        List<CaseFiles.Change> changes = new ArrayList<>();
        Set<String> filesNeeded = new LinkedHashSet<>();
        for (Event event : events) {
            if (event instanceof CaseDispatched d) {
                changes.add(new CaseFiles.Change(d.caseId(), new CaseFile.Member(d.complaintId(), d.trackingNumber()),
                        new CaseFiles.Lead(d.leadDepartment(), d.leadTerritory(), d.priority() == Priority.URGENT)));
            } else if (event instanceof ComplaintMerged m) {
                changes.add(new CaseFiles.Change(m.caseId(), new CaseFile.Member(m.complaintId(), m.trackingNumber()), null));
                filesNeeded.add(m.caseId());
            } else if (event instanceof CaseClosed c && c.complaintIds() != null) {
                c.complaintIds().forEach(id -> changes.add(new CaseFiles.Change(c.caseId(), new CaseFile.Member(id, null), null)));
            }
            if (event instanceof CaseAccepted || event instanceof CaseExtended || event instanceof CaseClosed
                    || event instanceof CaseReopened) {
                filesNeeded.add(caseIdOf(event));
            }
        }
        if (!changes.isEmpty()) {
            caseFiles.recordAll(changes);
        }
        Map<String, CaseFile> files = filesNeeded.isEmpty() ? Map.of() : caseFiles.ofAll(filesNeeded);
        List<Recipient> recipients = new ArrayList<>();
        events.forEach(event -> recipientsOf(event, files, recipients));
        if (recipients.isEmpty()) {
            return;
        }
        Map<String, ReporterContact> known = contacts.ofAll(recipients.stream().map(Recipient::complaintId).distinct().toList());
        List<SmsMessage> queued = new ArrayList<>();
        for (Recipient r : recipients) {
            ReporterContact contact = known.get(r.complaintId());
            if (contact != null && !contact.reachable()) {
                continue;
            }
            String tracking = r.trackingNumber() != null ? r.trackingNumber()
                    : contact != null ? contact.trackingNumber() : r.caseId();
            Map<String, String> all = new LinkedHashMap<>(r.values());
            all.put("trackingNumber", tracking);
            queued.add(message(new MessageKey(r.caseId(), r.milestone(), r.complaintId(), r.occurrence()), r.caseId(), all,
                    r.urgentCase()));
        }
        store(queued);
    }

    /** Who hears of {@code event}, and what; {@code files} holds the case files read for the batch. */
    private void recipientsOf(Event event, Map<String, CaseFile> files, List<Recipient> recipients) {
        if (event instanceof CaseDispatched d) {
            recipients.add(new Recipient(d.caseId(), Milestone.DISPATCHED, d.complaintId(), d.trackingNumber(), "",
                    Map.of("department", departmentName(d.leadDepartment())), d.priority() == Priority.URGENT));
        } else if (event instanceof ComplaintMerged m) {
            Optional<CaseFile> file = Optional.ofNullable(files.get(m.caseId())); // the lead and the urgency
            recipients.add(new Recipient(m.caseId(), Milestone.DISPATCHED, m.complaintId(), m.trackingNumber(), "",
                    Map.of("department", departmentName(file.map(CaseFile::leadDepartment).orElse(null))),
                    file.map(CaseFile::urgent).orElse(false)));
        } else if (event instanceof CaseAccepted a && settings.sends(Milestone.ACCEPTED)) {
            toEveryReporter(files.get(a.caseId()), Milestone.ACCEPTED, "",
                    Map.of("department", departmentName(a.department())), recipients);
        } else if (event instanceof CaseExtended e) {
            toEveryReporter(files.get(e.caseId()), Milestone.EXTENDED, occurrence(e.newDeadline(), e.eventId()),
                    Map.of("reason", text(e.reason()), "deadline", date(e.newDeadline())), recipients);
        } else if (event instanceof CaseClosed c) {
            toEveryReporter(files.get(c.caseId()), Milestone.CLOSED, c.eventId(), Map.of("reply", summary(c.reply())), recipients);
        } else if (event instanceof CaseReopened r) {
            toEveryReporter(files.get(r.caseId()), Milestone.REOPENED, occurrence(r.newDeadline(), r.eventId()),
                    Map.of("reason", text(r.reason()), "deadline", date(r.newDeadline())), recipients);
        }
    }

    private static void toEveryReporter(CaseFile file, Milestone milestone, String occurrence, Map<String, String> values,
            List<Recipient> recipients) {
        if (file != null) {
            file.members().forEach(member -> recipients.add(new Recipient(file.caseId(), milestone, member.complaintId(),
                    member.trackingNumber(), occurrence, values, file.urgent())));
        }
    }

    private static String caseIdOf(Event event) {
        if (event instanceof CaseAccepted a) {
            return a.caseId();
        } else if (event instanceof CaseExtended e) {
            return e.caseId();
        } else if (event instanceof CaseClosed c) {
            return c.caseId();
        }
        return ((CaseReopened) event).caseId();
    }

    /** @param urgentCase whether the case is URGENT, as the batch already read it (no second read) */
    private SmsMessage message(MessageKey key, String caseId, Map<String, String> values, boolean urgentCase) {
        boolean urgent = settings.urgentMilestones().contains(key.milestone())
                || (caseId != null && key.milestone() == Milestone.DISPATCHED && urgentCase);
        return SmsMessage.queue(key, caseId, templates.render(key.milestone(), values), urgent, clock.instant());
    }

    private void store(List<SmsMessage> queued) {
        if (!queued.isEmpty() && !messages.addAll(queued).isEmpty()) {
            wakeSender.run();
        }
    }

    /** One reporter to tell of one milestone of a case; the tracking number null when the event did not carry it. */
    private record Recipient(String caseId, Milestone milestone, String complaintId, String trackingNumber,
            String occurrence, Map<String, String> values, boolean urgentCase) {
    }

    private String departmentName(String code) {
        Optional<Department> department = catalogue.department(code);
        if (department.isEmpty()) {
            return code == null ? "" : code;
        }
        return templates.language() == Language.EN ? department.get().nameEn() : department.get().nameZh();
    }

    private String summary(String reply) {
        String text = text(reply).strip();
        int max = settings.replySummaryLength();
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(settings.zone()));
    }

    private static String occurrence(Instant deadline, String eventId) {
        return deadline != null ? deadline.toString() : eventId;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
