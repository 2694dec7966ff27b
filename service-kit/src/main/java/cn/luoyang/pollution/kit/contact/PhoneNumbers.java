package cn.luoyang.pollution.kit.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * Reads any phone number a reporter gives, with Google's libphonenumber, mainland China being the
 * home region: mainland mobiles, landlines with their area code, +86 and 0086 forms, foreign
 * numbers. A bare 7- or 8-digit local number is read as a Luoyang (0379) landline, the city whose
 * hotline takes these reports; when that gives no valid number it stays unparsed. Masks keep the
 * prefix that tells the kind and the last four digits (what a reporter types to look a case up):
 * {@code 138****1234}, {@code 0379-****1234}, {@code +44-****0958}, {@code ****1234} (unparsed).
 */
public final class PhoneNumbers {

    /** 洛阳 area code, without the trunk prefix 0. */
    public static final String LUOYANG_AREA_CODE = "379";

    private static final String HOME_REGION = "CN";
    private static final int HOME_COUNTRY_CODE = 86;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern BARE_LOCAL = Pattern.compile("[2-9]\\d{6,7}");
    private static final Pattern MASKED_MOBILE = Pattern.compile("1[3-9]\\d\\*{4}\\d{4}");
    private static final Pattern MASKED_LANDLINE = Pattern.compile("\\d{2,5}-\\*{4}\\d{4}");
    private static final Pattern MASKED_FOREIGN = Pattern.compile("\\+\\d{1,3}-\\*{4}\\d{4}");
    private static final Pattern MASKED_UNPARSED = Pattern.compile("\\*{4}(\\d{4})?");

    /** The kind, normal form and mask of whatever text a reporter gave; never fails on non-blank text. */
    public static ContactNumber read(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no phone number given");
        }
        String given = text.strip();
        PhoneNumber number = parse(given);
        if (number == null) {
            return unparsed(given);
        }
        if (number.getCountryCode() != HOME_COUNTRY_CODE) {
            String digits = UTIL.getNationalSignificantNumber(number);
            return new ContactNumber(PhoneKind.FOREIGN, UTIL.format(number, PhoneNumberFormat.E164),
                    "+" + number.getCountryCode() + "-****" + lastFourOf(digits));
        }
        String national = UTIL.getNationalSignificantNumber(number);
        if (UTIL.getNumberType(number) == PhoneNumberType.MOBILE) {
            return new ContactNumber(PhoneKind.MOBILE, national, national.substring(0, 3) + "****" + lastFourOf(national));
        }
        return new ContactNumber(PhoneKind.LANDLINE, UTIL.format(number, PhoneNumberFormat.E164),
                prefixOf(number, national) + "-****" + lastFourOf(national));
    }

    /**
     * Free text with every valid number in it (mobile, landline with area code, foreign) replaced by
     * its mask: reporters type their number into descriptions too.
     */
    public static String maskNumbersIn(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (PhoneNumberMatch match : UTIL.findNumbers(text, HOME_REGION, Leniency.VALID, Long.MAX_VALUE)) {
            masked.append(text, copied, match.start()).append(read(match.rawString()).masked());
            copied = match.end();
        }
        return copied == 0 ? text : masked.append(text, copied, text.length()).toString();
    }

    /** The bare 11-digit form, or null when the text is not a mainland mobile number. */
    public static String normalise(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ContactNumber number = read(text);
        return number.kind() == PhoneKind.MOBILE ? number.normalForm() : null;
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

    /** Whether the text is one of the masked forms {@link #read} gives. */
    public static boolean isMasked(String text) {
        return kindOfMask(text) != null;
    }

    /** The kind a masked form tells (a hotline seals and masks the number itself), or null if it is no mask. */
    public static PhoneKind kindOfMask(String text) {
        if (text == null) {
            return null;
        }
        if (MASKED_MOBILE.matcher(text).matches()) {
            return PhoneKind.MOBILE;
        }
        if (MASKED_LANDLINE.matcher(text).matches()) {
            return PhoneKind.LANDLINE;
        }
        if (MASKED_FOREIGN.matcher(text).matches()) {
            return PhoneKind.FOREIGN;
        }
        return MASKED_UNPARSED.matcher(text).matches() ? PhoneKind.UNPARSED : null;
    }

    /** The last four digits of a masked or bare number: what a reporter types to look a case up. */
    public static String lastFour(String maskedOrBare) {
        return maskedOrBare.substring(maskedOrBare.length() - 4);
    }

    private static PhoneNumber parse(String given) {
        try {
            String digits = given.replaceAll("[\\s\\-()]", "");
            String text = BARE_LOCAL.matcher(digits).matches() ? "0" + LUOYANG_AREA_CODE + digits : given;
            PhoneNumber number = UTIL.parse(text, HOME_REGION);
            return UTIL.isValidNumber(number) ? number : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** The trunk prefix and area code ({@code 0379}) of a geographic line, else its service prefix ({@code 400}). */
    private static String prefixOf(PhoneNumber number, String national) {
        int area = UTIL.getLengthOfGeographicalAreaCode(number);
        if (area > 0) {
            return "0" + national.substring(0, area);
        }
        int destination = UTIL.getLengthOfNationalDestinationCode(number);
        return national.substring(0, destination > 0 ? destination : 3);
    }

    /** Unparsed text keeps only its last four digits in the mask, and only when it has at least seven. */
    private static ContactNumber unparsed(String given) {
        String digits = given.replaceAll("\\D", "");
        return new ContactNumber(PhoneKind.UNPARSED, given, digits.length() >= 7 ? "****" + lastFourOf(digits) : "****");
    }

    private static String lastFourOf(String digits) {
        return digits.substring(digits.length() - 4);
    }

    private PhoneNumbers() {
    }
}
