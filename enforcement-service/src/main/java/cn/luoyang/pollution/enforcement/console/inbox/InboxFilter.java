package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.cases.Case;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The work list's choices: which list ({@code list}: 待办 {@code todo}, the default, or 已办 {@code done}),
 * filters (category, district, state) and the search by tracking number or case id ({@code q}), which
 * looks through every case the person may see, open or closed. Blank means any.
 */
public record InboxFilter(String list, String category, String territory, String status, String q) {

    public boolean done() {
        return "done".equals(list);
    }

    public boolean searching() {
        return !blank(q);
    }

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
        return value != null && value.toUpperCase(Locale.ROOT).contains(part.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
