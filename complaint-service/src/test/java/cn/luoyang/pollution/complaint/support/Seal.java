package cn.luoyang.pollution.complaint.support;

import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;

/** What a hotline does before publishing: seal the number with the served public key, mask it. */
public final class Seal {

    public static String[] phone(String publicKeyset, String number) {
        return new String[] {ContactSealer.withPublicKeyset(publicKeyset).seal(number), PhoneNumbers.mask(number)};
    }

    private Seal() {
    }
}
