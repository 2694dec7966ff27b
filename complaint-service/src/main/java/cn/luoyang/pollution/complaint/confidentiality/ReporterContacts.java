package cn.luoyang.pollution.complaint.confidentiality;

import cn.luoyang.pollution.complaint.intake.ReporterContact;
import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;

/**
 * Seals a reporter's phone the moment it arrives (举报人信息保密): from here on only the sealed form
 * (for notification-service, which alone holds the private key) and the masked form exist. This
 * service holds only the public key, so it cannot open what it sealed.
 */
public final class ReporterContacts {

    private final ContactSealer sealer;
    private final String publicKeyset;

    public ReporterContacts(String publicKeyset) {
        this.sealer = ContactSealer.withPublicKeyset(publicKeyset);
        this.publicKeyset = publicKeyset;
    }

    /**
     * Seals any number in its normal form, with its kind and mask; a text that is no valid number is
     * sealed as given and flagged UNPARSED, so no report is refused for its phone number alone.
     *
     * @throws IllegalArgumentException when the text is blank
     */
    public ReporterContact seal(String phone) {
        ContactNumber number = PhoneNumbers.read(phone);
        return new ReporterContact(false, sealer.seal(number.normalForm()), number.masked(), number.kind());
    }

    /** The public keyset (Tink JSON) that hotline systems use to seal numbers themselves. */
    public String publicKeyset() {
        return publicKeyset;
    }
}
