package cn.luoyang.pollution.notification.escalations;

import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /** The reporters' contacts in one read of theirs; people (few, escalations) one by one from the directory. */
    @Override
    public Map<String, ReporterContact> ofAll(Collection<String> recipientIds) {
        Map<String, ReporterContact> found = new HashMap<>(reporters.ofAll(recipientIds.stream()
                .filter(id -> id != null && !id.startsWith(Person.RECIPIENT_PREFIX)).toList()));
        recipientIds.stream().filter(id -> id != null && id.startsWith(Person.RECIPIENT_PREFIX))
                .forEach(id -> of(id).ifPresent(contact -> found.put(id, contact)));
        return found;
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
