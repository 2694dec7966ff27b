package cn.luoyang.pollution.enforcement.accounts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what may still be a phone number in free text after the valid numbers were masked: any run
 * of seven or more digits (a mistyped mobile, a number without its area code) keeps only its last
 * four, like an unparsed contact ({@code ****1234}). Shorter runs (house numbers, dates, amounts)
 * stay as written.
 */
public final class DigitRuns {

    private static final Pattern LONG_RUN = Pattern.compile("\\d{7,}");

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher run = LONG_RUN.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (run.find()) {
            String digits = run.group();
            run.appendReplacement(masked, "****" + digits.substring(digits.length() - 4));
        }
        run.appendTail(masked);
        return masked.toString();
    }

    private DigitRuns() {
    }
}
