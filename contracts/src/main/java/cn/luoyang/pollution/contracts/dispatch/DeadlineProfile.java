package cn.luoyang.pollution.contracts.dispatch;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 办理时限档: the name of a set of clocks (sign, on-site, close) enforcement applies to a case. Profiles are the
 * city's configuration (enforcement's {@code clocks.profiles}, dispatch's {@code campaigns.profiles-shortest-first}),
 * not a closed set: a city adds one without a release, so this is a validated name, not an enum. The built-in
 * profiles are {@link #STANDARD}, {@link #SIMPLE} and {@link #URGENT}. On the wire ({@code CaseDispatched}) and in
 * the stores it is the plain name, upper case.
 *
 * @param name upper-case letters, digits and underscores, starting with a letter (e.g. {@code STANDARD})
 */
public record DeadlineProfile(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** 一般: sign 1 working day, on site 2, close 15. */
    public static final DeadlineProfile STANDARD = new DeadlineProfile("STANDARD");
    /** 简易: for noise, barbecues, fumes, burning, muck trucks; close in 7 working days. */
    public static final DeadlineProfile SIMPLE = new DeadlineProfile("SIMPLE");
    /** 紧急: hours, not days. */
    public static final DeadlineProfile URGENT = new DeadlineProfile("URGENT");

    /** The built-in profiles, shortest first: what a city has unless it configures its own. */
    public static final List<DeadlineProfile> BUILT_IN_SHORTEST_FIRST = List.of(URGENT, SIMPLE, STANDARD);

    public DeadlineProfile {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a deadline profile is an upper-case name, not " + name);
        }
    }

    /** The profile {@code name} names, ignoring case and surrounding blanks; empty when it names none (null, blank, malformed). */
    public static Optional<DeadlineProfile> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(java.util.Locale.ROOT);
        return NAME.matcher(upper).matches() ? Optional.of(new DeadlineProfile(upper)) : Optional.empty();
    }

    /** The names of the built-in profiles, shortest first: the default of every service's list of known profiles. */
    public static List<String> builtInNames() {
        return BUILT_IN_SHORTEST_FIRST.stream().map(DeadlineProfile::name).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
