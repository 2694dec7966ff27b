package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.cases.Case;
import java.util.Locale;
import java.util.function.Predicate;

/** The inbox's filters (category, district, state) and the tracking-number search; blank means any. */
public record InboxFilter(String category, String territory, String status, String q) {

    public Predicate<Case> asPredicate() {
        return c -> matches(category, c.category())
                && matches(territory, c.territory() == null ? null : c.territory().districtCode())
                && matches(status, c.state().name())
                && (blank(q) || contains(c.trackingNumber(), q) || contains(c.id(), q));
    }

    private static boolean matches(String wanted, String actual) {
        return blank(wanted) || wanted.equals(actual);
    }

    private static boolean contains(String value, String part) {
        return value != null && value.toUpperCase(Locale.ROOT).contains(part.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
