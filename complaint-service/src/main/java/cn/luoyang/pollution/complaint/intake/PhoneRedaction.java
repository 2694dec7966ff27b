package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.kit.contact.PhoneNumbers;

/**
 * Reporters type their number into the description too ("call me on 13812345678", "座机
 * 0379-63211234"). Free text goes to departments and the public Open311 feed, so every valid phone
 * number in it (mobile, landline with area code, foreign) is masked at intake, like the contact field.
 */
public final class PhoneRedaction {

    public static String mask(String text) {
        return PhoneNumbers.maskNumbersIn(text);
    }

    private PhoneRedaction() {
    }
}
