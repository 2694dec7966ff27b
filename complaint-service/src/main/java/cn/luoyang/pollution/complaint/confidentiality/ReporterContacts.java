package cn.luoyang.pollution.complaint.confidentiality;

import cn.luoyang.pollution.complaint.intake.ReporterContact;
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

    /** @throws IllegalArgumentException when the text is not a mainland mobile number */
    public ReporterContact seal(String phone) {
        String bare = PhoneNumbers.normalise(phone);
        if (bare == null) {
            throw new IllegalArgumentException("not a mainland mobile number");
        }
        return new ReporterContact(false, sealer.seal(bare), PhoneNumbers.mask(bare));
    }

    /** The public keyset (Tink JSON) that hotline systems use to seal numbers themselves. */
    public String publicKeyset() {
        return publicKeyset;
    }
}
