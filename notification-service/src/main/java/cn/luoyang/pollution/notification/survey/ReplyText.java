package cn.luoyang.pollution.notification.survey;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * What a reporter's SMS says, read leniently: full-width digits (１) and letters (ＴＤ), spaces and
 * trailing punctuation are forgiven, because phones in China type them all.
 */
public record ReplyText(Kind kind, Rating rating) {

    public enum Kind { RATING, OPT_OUT, OTHER }

    public static ReplyText read(String text) {
        String plain = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\p{Punct}。，！？、]", "")
                .toUpperCase(Locale.ROOT);
        if (plain.equals("TD") || plain.equals("退订")) {
            return new ReplyText(Kind.OPT_OUT, null);
        }
        Optional<Rating> rating = Rating.ofDigit(plain);
        return rating.map(r -> new ReplyText(Kind.RATING, r)).orElseGet(() -> new ReplyText(Kind.OTHER, null));
    }
}
