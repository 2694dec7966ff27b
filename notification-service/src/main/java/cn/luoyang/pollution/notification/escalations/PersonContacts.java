package cn.luoyang.pollution.notification.escalations;

import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import java.util.Optional;

/**
 * Lets the one sender reach directory people too: a recipient id {@code person:<id>} is answered
 * from the directory (its sealed mobile, opened only at the moment of sending), any other from the
 * reporters' contacts. So caps, retries, quiet hours and outcome handling are the reporters' own.
 */
public final class PersonContacts implements ReporterContacts {

    private final ReporterContacts reporters;
    private final Directory directory;

    public PersonContacts(ReporterContacts reporters, Directory directory) {
        this.reporters = reporters;
        this.directory = directory;
    }

    @Override
    public void keep(ReporterContact contact) {
        reporters.keep(contact);
    }

    @Override
    public Optional<ReporterContact> of(String recipientId) {
        if (recipientId == null || !recipientId.startsWith(Person.RECIPIENT_PREFIX)) {
            return reporters.of(recipientId);
        }
        // a person removed from the directory since the message was queued: anonymous, so cancelled
        return Optional.of(directory.byId(recipientId.substring(Person.RECIPIENT_PREFIX.length()))
                .map(p -> new ReporterContact(recipientId, null, false, p.sealedMobile(), p.maskedMobile(), PhoneKind.MOBILE))
                .orElse(new ReporterContact(recipientId, null, true, null, null, null)));
    }
}
