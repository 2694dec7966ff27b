package cn.luoyang.pollution.kit.contact;

import java.util.regex.Pattern;

/** Mainland China mobile numbers: 11 digits starting 13–19; an optional +86/86 prefix is dropped. */
public final class PhoneNumbers {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern MASKED = Pattern.compile("1[3-9]\\d\\*{4}\\d{4}");

    /** The bare 11-digit form, or null when the text is not a mainland mobile number. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return MAINLAND_MOBILE.matcher(digits).matches() ? digits : null;
    }

    public static boolean isMainlandMobile(String text) {
        return normalise(text) != null;
    }

    /** {@code 13812341234} → {@code 138****1234}: what handlers, logs and the public may see. */
    public static String mask(String number) {
        String bare = normalise(number);
        if (bare == null) {
            throw new IllegalArgumentException("not a mainland mobile number");
        }
        return bare.substring(0, 3) + "****" + bare.substring(7);
    }

    public static boolean isMasked(String text) {
        return text != null && MASKED.matcher(text).matches();
    }

    /** The last four digits of a masked or bare number: what a reporter types to look a case up. */
    public static String lastFour(String maskedOrBare) {
        return maskedOrBare.substring(maskedOrBare.length() - 4);
    }

    private PhoneNumbers() {
    }
}
