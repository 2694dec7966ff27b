package cn.luoyang.pollution.complaint.intake.json;

import cn.luoyang.pollution.complaint.confidentiality.ReporterContacts;
import cn.luoyang.pollution.complaint.intake.ComplaintDraft;
import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.complaint.intake.SourceSystems;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns the two JSON forms of a report into a {@link ComplaintDraft}: the native API's (with a
 * plain phone number, sealed here and never kept) and the hotline's {@code ComplaintSubmitted}
 * record (already sealed by the hotline).
 */
public final class ComplaintForms {

    /** A draft and the type errors found while reading it. */
    public record Read(ComplaintDraft draft, List<FieldError> errors) {
    }

    private final ReporterContacts contacts;

    public ComplaintForms(ReporterContacts contacts) {
        this.contacts = contacts;
    }

    /**
     * The native API's body.
     *
     * @param defaultTicketId the ticket id when the body names none (the Idempotency-Key, or a fresh id)
     */
    public Read readNative(JsonNode root, String defaultTicketId) {
        Form form = new Form();
        String source = form.text(root, "sourceSystem", "sourceSystem");
        String ticket = form.text(root, "externalTicketId", "externalTicketId");
        Channel channel = form.choice(root, "channel", "channel", Channel.class);
        ComplaintDraft draft = new ComplaintDraft(
                SourceSystems.web(source),
                ticket == null ? defaultTicketId : ticket,
                channel == null && !root.has("channel") ? Channel.WEB : channel,
                form.text(root, "category", "category"),
                form.text(root, "subType", "subType"),
                form.text(root, "description", "description"),
                form.location(root),
                form.text(root, "addressText", "addressText"),
                form.instant(root, "observedAt", "observedAt"),
                form.bool(root, "happeningNow", "happeningNow"),
                form.media(root),
                plainReporter(root, form),
                form.bool(root, "rewardRequested", "rewardRequested"));
        return new Read(draft, form.errors);
    }

    /** The hotline's {@code complaints.submitted} record (schema complaint-submitted.v1). */
    public Read readSubmitted(JsonNode root) {
        Form form = new Form();
        JsonNode version = root.get("schemaVersion");
        if (version != null && !version.isNull() && !(version.isIntegralNumber() && version.intValue() == 1)) {
            form.errors.add(new FieldError("schemaVersion", "must be 1 (complaint-submitted.v1)"));
        }
        String source = form.text(root, "sourceSystem", "sourceSystem");
        if (source != null && SourceSystems.ofHttp(source)) {
            form.errors.add(new FieldError("sourceSystem", "web and open311 name the public HTTP channels; a hotline names itself"));
        }
        ComplaintDraft draft = new ComplaintDraft(
                source,
                form.text(root, "externalTicketId", "externalTicketId"),
                form.choice(root, "channel", "channel", Channel.class),
                form.text(root, "category", "category"),
                form.text(root, "subType", "subType"),
                form.text(root, "description", "description"),
                form.location(root),
                form.text(root, "addressText", "addressText"),
                form.instant(root, "observedAt", "observedAt"),
                form.bool(root, "happeningNow", "happeningNow"),
                form.media(root),
                sealedReporter(root, form),
                form.bool(root, "rewardRequested", "rewardRequested"));
        return new Read(draft, form.errors);
    }

    private ReporterContact plainReporter(JsonNode root, Form form) {
        JsonNode reporter = form.object(root, "reporter", "reporter");
        if (reporter == null) {
            return null;
        }
        boolean anonymous = form.bool(reporter, "anonymous", "reporter.anonymous");
        String phone = form.text(reporter, "phone", "reporter.phone");
        if (anonymous) {
            if (phone != null && !phone.isBlank()) {
                form.errors.add(new FieldError("reporter.phone", "must be left out of an anonymous report"));
            }
            return ReporterContact.anonymousReporter();
        }
        if (phone == null || phone.isBlank()) {
            form.errors.add(new FieldError("reporter.phone", "is required unless anonymous is true"));
            return null;
        }
        return contacts.seal(phone);
    }

    private static ReporterContact sealedReporter(JsonNode root, Form form) {
        JsonNode reporter = form.object(root, "reporter", "reporter");
        if (reporter == null) {
            return null;
        }
        String masked = form.text(reporter, "maskedPhone", "reporter.maskedPhone");
        PhoneKind said = PhoneKind.named(form.text(reporter, "phoneKind", "reporter.phoneKind"));
        return new ReporterContact(form.bool(reporter, "anonymous", "reporter.anonymous"),
                form.text(reporter, "sealedPhone", "reporter.sealedPhone"), masked,
                said != null ? said : PhoneNumbers.kindOfMask(masked));
    }
}
