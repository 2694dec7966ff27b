package cn.luoyang.pollution.complaint.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporters type their number into the description too ("call me on 13812345678"). Free text goes
 * to departments and the public Open311 feed, so any mainland mobile number in it is masked at
 * intake, like the contact field.
 */
public final class PhoneRedaction {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(?:\\+?86[\\s-]?)?(1[3-9]\\d)[\\s-]?(\\d{4})[\\s-]?(\\d{4})(?!\\d)");

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = MOBILE.matcher(text);
        return m.find() ? m.replaceAll("$1****$3") : text;
    }

    private PhoneRedaction() {
    }
}
