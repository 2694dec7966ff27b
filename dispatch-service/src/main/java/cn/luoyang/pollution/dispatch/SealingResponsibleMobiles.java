package cn.luoyang.pollution.dispatch;

import cn.luoyang.pollution.dispatch.registry.ResponsibleMobile;
import cn.luoyang.pollution.dispatch.registry.ResponsibleMobiles;
import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.PhoneKind;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;

/**
 * Reads a responsible person's number with libphonenumber (kit {@link PhoneNumbers}: +86, 0086, spaces and dashes
 * are all one number) and seals its normal form with the reporter-contact public key (kit {@link ContactSealer}), as
 * complaint-service seals reporters' numbers; only a mainland mobile is taken, since it is there for an SMS.
 */
public final class SealingResponsibleMobiles implements ResponsibleMobiles {

    private final ContactSealer sealer;

    public SealingResponsibleMobiles(String publicKeyset) {
        this.sealer = ContactSealer.withPublicKeyset(publicKeyset);
    }

    @Override
    public ResponsibleMobile seal(String given) {
        ContactNumber number = PhoneNumbers.read(given);
        if (number.kind() != PhoneKind.MOBILE) {
            throw new IllegalArgumentException("a mainland mobile number (11 digits, 1xx) to receive SMS");
        }
        return new ResponsibleMobile(sealer.seal(number.normalForm()), number.masked());
    }
}
