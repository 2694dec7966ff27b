package cn.luoyang.pollution.notification.milestones;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
        SealedContact reporter = event.reporter();
        boolean anonymous = reporter == null || reporter.anonymous() || reporter.sealedPhone() == null
                || event.channel() == Channel.ONLINE_MONITORING;
        contacts.keep(new ReporterContact(event.complaintId(), event.trackingNumber(), anonymous,
                anonymous ? null : reporter.sealedPhone(), anonymous ? null : reporter.maskedPhone(),
                anonymous ? null : PhoneKind.named(reporter.phoneKind())));
        if (!anonymous) {
            queue(MessageKey.of(event.complaintId(), Milestone.REGISTERED, event.complaintId()), null,
                    Map.of("trackingNumber", event.trackingNumber()), false);
        }
    }

    /** 派单: remember the case's reporters and tell this one which department handles it. */
    public void dispatched(CaseDispatched event) {
        boolean urgent = event.priority() == Priority.URGENT;
        caseFiles.dispatched(event.caseId(), event.leadDepartment(), event.leadTerritory(), urgent,
                new CaseFile.Member(event.complaintId(), event.trackingNumber()));
        queueFor(event.caseId(), Milestone.DISPATCHED, event.complaintId(), event.trackingNumber(), "",
                Map.of("department", departmentName(event.leadDepartment())), urgent);
    }

    /** 合并: a co-reporter joins the case and hears which department handles it. */
    public void merged(ComplaintMerged event) {
        caseFiles.merged(event.caseId(), new CaseFile.Member(event.complaintId(), event.trackingNumber()));
        Optional<CaseFile> file = caseFiles.of(event.caseId()); // read once: the lead and the urgency
        String department = file.map(CaseFile::leadDepartment).orElse(null);
        queueFor(event.caseId(), Milestone.DISPATCHED, event.complaintId(), event.trackingNumber(), "",
                Map.of("department", departmentName(department)), file.map(CaseFile::urgent).orElse(false));
    }

    public void accepted(CaseAccepted event) {
        if (!settings.sends(Milestone.ACCEPTED)) {
            return;
        }
        toEveryReporter(event.caseId(), Milestone.ACCEPTED, "", Map.of("department", departmentName(event.department())));
    }

    public void extended(CaseExtended event) {
        toEveryReporter(event.caseId(), Milestone.EXTENDED, occurrence(event.newDeadline(), event.eventId()),
                Map.of("reason", text(event.reason()), "deadline", date(event.newDeadline())));
    }

    /**
     * 办结: the reply summary and the survey question to every reporter of the case. A reopened case
     * closes again, and its reporters hear that closure too: the occurrence is the closure's event
     * id, so a redelivered closure queues nothing and each closure its own message (and survey).
     */
    public void closed(CaseClosed event) {
        if (event.complaintIds() != null) {
            event.complaintIds().forEach(id -> caseFiles.merged(event.caseId(), new CaseFile.Member(id, null)));
        }
        toEveryReporter(event.caseId(), Milestone.CLOSED, event.eventId(), Map.of("reply", summary(event.reply())));
    }

    public void reopened(CaseReopened event) {
        toEveryReporter(event.caseId(), Milestone.REOPENED, occurrence(event.newDeadline(), event.eventId()),
                Map.of("reason", text(event.reason()), "deadline", date(event.newDeadline())));
    }

    private void toEveryReporter(String caseId, Milestone milestone, String occurrence, Map<String, String> values) {
        caseFiles.of(caseId).ifPresent(file -> file.members().forEach(member ->
                queueFor(caseId, milestone, member.complaintId(), member.trackingNumber(), occurrence, values,
                        file.urgent())));
    }

    private void queueFor(String caseId, Milestone milestone, String complaintId, String trackingNumber,
            String occurrence, Map<String, String> values, boolean urgentCase) {
        Optional<ReporterContact> contact = contacts.of(complaintId);
        if (contact.isPresent() && !contact.get().reachable()) {
            return;
        }
        String tracking = trackingNumber != null ? trackingNumber
                : contact.map(ReporterContact::trackingNumber).orElse(caseId);
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("trackingNumber", tracking);
        queue(new MessageKey(caseId, milestone, complaintId, occurrence), caseId, all, urgentCase);
    }

    /** @param urgentCase whether the case is URGENT, as the handler already read it (no second read) */
    private void queue(MessageKey key, String caseId, Map<String, String> values, boolean urgentCase) {
        boolean urgent = settings.urgentMilestones().contains(key.milestone())
                || (caseId != null && key.milestone() == Milestone.DISPATCHED && urgentCase);
        SmsMessage message = SmsMessage.queue(key, caseId, templates.render(key.milestone(), values), urgent, clock.instant());
        if (messages.add(message)) {
            wakeSender.run();
        }
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
