package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The texts the console shows but does not write itself, in the page's language (措辞): the notes
 * the case's own steps sign into the timeline ("routing round 1 to HOUSING_CONSTRUCTION@410305"),
 * dispatch-service's trace and queue reasons ("point in 410305 涧西区 polygon"), the rules' refusals
 * ("this step needs evidence …") and the roles. The domain and dispatch-service keep writing plain
 * English for logs and the API; each known sentence has a pattern here and a message key
 * ({@code wording.*} in {@code messages*.properties}) whose arguments are the pattern's groups, each
 * itself put into words ({@link #term}: unit and department codes, states, clocks, reason codes,
 * times). English pages show the original sentence. Templates call it as {@code @wording}.
 */
@Component("wording")
public class Wording {

    private static final String MISSING = "\u0000";
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z");
    private static final Pattern UNIT = Pattern.compile("[A-Z_]+@\\d{6}");
    private static final Pattern DISTRICT = Pattern.compile("(\\d{6}) (\\S+)");
    private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{6}");
    private static final Pattern LIST = Pattern.compile("\\[(.*)]");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final List<String> TERM_PREFIXES = List.of("state.", "clock.", "return.", "cause.", "penalty.",
            "escalation.", "role.", "queue.reason.", "term.");

    /** A sentence of the timeline's notes (by history action). */
    private record NoteRule(String action, Pattern pattern, String key) {
    }

    /** A refusal of the rules, and the form field it is about (null: the whole form). */
    private record RefusalRule(Pattern pattern, String key, String field) {
    }

    /** A sentence of dispatch-service's (trace details, queue reasons). */
    private record Rule(Pattern pattern, String key) {
    }

    private static final List<NoteRule> NOTES = List.of(
            note("DISPATCHED", "routing round (\\d+) to (\\S+) \\(arbitrated\\)", "dispatched-arbitrated"),
            note("DISPATCHED", "routing round (\\d+) to (\\S+)", "dispatched"),
            note("RETURNED", "([A-Z_]+): (.*)", "returned"),
            note("RECTIFICATION_ORDERED", "rectify by (\\S+); (.*)", "rectify-by-note"),
            note("RECTIFICATION_ORDERED", "rectify by (\\S+)", "rectify-by"),
            note("PENALIZED", "([A-Z_]+) ([\\d.]+) yuan; (.*)", "penalty-amount-note"),
            note("PENALIZED", "([A-Z_]+) ([\\d.]+) yuan", "penalty-amount"),
            note("PENALIZED", "([A-Z_]+); (.*)", "penalty-note"),
            note("PENALIZED", "([A-Z_]+)", "penalty"),
            note("REOPENED", "(REINSPECTION): re-inspection found the problem unresolved", "reopened"),
            note("REOPENED", "(REPORTER_UNSATISFIED): the reporter was not satisfied with the reply", "reopened"),
            note("REOPENED", "([A-Z_]+): (.*)", "reopened-reason"),
            note("EXTENSION_REQUESTED", "(\\d+) days: (.*)", "extension-requested"),
            note("DRAWN_FOR_REINSPECTION", "by (\\S+)", "drawn"),
            note("DEADLINE_REMINDER", "([A-Z]+) due at (\\S+)", "reminder"),
            note("OVERDUE", "([A-Z]+) deadline (\\S+) passed", "overdue"),
            note("ESCALATED", "([A-Z]+) overdue: escalated to (\\S+)", "escalated"));

    private static final List<RefusalRule> REFUSALS = List.of(
            refusal("this step needs evidence.*", "evidence", "evidence"),
            refusal("closing needs a written reply.*", "reply", "reply"),
            refusal("a return needs a reason code", "reason-code", "reasonCode"),
            refusal("a rectification order needs a deadline in the future", "deadline-future", "deadline"),
            refusal("a rectification order needs a deadline", "deadline", "deadline"),
            refusal("unreadable deadline (.*)", "deadline-unreadable", "deadline"),
            refusal("the inspector (\\S+) cannot verify their own case", "inspector-verifies", null),
            refusal("no closure request is waiting on case (\\S+)", "no-closure-request", null),
            refusal("(\\S+) handled case (\\S+) and cannot verify its closure", "handler-verifies", null),
            refusal("rejecting a closure needs a reason", "rejection-reason", "note"),
            refusal("(\\S+) is not a co-handler of (\\S+)", "not-co-handler", null),
            refusal("contributions are recorded while the case is being handled, not in (\\S+)", "contribution-state", null),
            refusal("only an open case can be extended", "extend-closed", null),
            refusal("an extension needs a positive number of days and a reason", "extension-days-reason", "reason"),
            refusal("an extension request is already waiting for a decision", "extension-waiting", null),
            refusal("no extension request is waiting", "no-extension-request", null),
            refusal("the close clock is not running", "close-clock-stopped", null),
            refusal("the case already has the longest extension the 12369 rules allow", "extension-longest", "days"),
            refusal("the case is already listed for supervision", "already-supervised", null),
            refusal("only an open case can be urged", "urge-closed", null),
            refusal("only closed cases are re-inspected", "reinspect-open", null),
            refusal("re-inspection must be done by another unit than (\\S+)", "reinspect-same-unit", null),
            refusal("no re-inspection is waiting on this case", "no-reinspection", null),
            refusal("the re-inspection is assigned to (\\S+)", "reinspection-elsewhere", null),
            refusal("case (\\S+) cannot go from (\\S+) to (\\S+)", "transition", null),
            refusal("only the lead unit (\\S+) may do this, not (\\S+)", "lead-only", null),
            refusal("a fine needs a positive amount", "fine-amount", "amountYuan"),
            refusal("choose a penalty", "penalty-kind", "kind"),
            refusal("choose the finding of the rectification check", "check-finding", "resolved"),
            refusal("the rectification deadline (\\S+) has not passed yet", "check-early", null),
            refusal("case (\\S+) has no rectification order to check in (\\S+)", "check-no-order", null),
            refusal("no file uploaded to this case answers to (.*)", "evidence-unknown", "evidence"),
            refusal("closing needs evidence: .*", "closure-evidence", "evidence"),
            refusal("an inspection record needs its number", "record-number", "recordNumber"),
            refusal("an inspection record needs the person who signed it", "record-signer", "recordSigner"),
            refusal("an inspection record needs the time it was signed", "record-signed-at", "recordSignedAt"),
            refusal("unreadable signing time (.*)", "record-signed-at", "recordSignedAt"),
            refusal("an inspection record must be signed while the case is open", "record-signed-when", "recordSignedAt"),
            refusal("an inspection record needs its findings", "record-findings", "recordFindings"),
            refusal("(\\S+) signed or supplied the evidence of case (\\S+) and cannot verify its closure", "evidence-verifies", null),
            refusal("the file is empty", "file-empty", "photos"),
            refusal("the file is larger than (\\d+) bytes", "file-large", "photos"),
            refusal("the file is not a complete JPEG, PNG, PDF or MP4: (.*)", "file-kind", "photos"),
            refusal("the file's name or type does not match its content \\((\\S+)\\): (.*)", "file-mismatch", "photos"),
            refusal("only a handler of a unit on the case or its grid member may upload evidence", "uploader-only", null),
            refusal("(\\S+) may not see case (\\S+)", "may-not-see", null),
            refusal("only a handler of (\\S+) may do this", "handler-only", null),
            refusal("only the lead unit's handlers or the grid member may do on-site work", "on-site-only", null),
            refusal("only a handler of (\\S+) or a supervisor may verify a closure", "verifier-only", null),
            refusal("only a co-handling unit's handler may record a contribution", "co-handler-only", null),
            refusal("this needs one of the roles \\[(.*)]", "roles-only", null),
            refusal("a handler sees only the figures of (\\S+)", "own-figures", null),
            refusal("the period must end after it starts", "period", "to"));

    private static final List<Rule> DISPATCH = List.of(
            rule("WGS-84 (\\S+) → GCJ-02 (.*)", "datum"),
            rule("point in (\\d{6}(?: \\S+)?) polygon", "point-in"),
            rule("point on the boundary of \\[(.*)]; the lowest code takes it: (\\d{6} \\S+)", "point-on-boundary"),
            rule("point outside every polygon, (\\d+) m from (\\d{6} \\S+) \\(tolerance (\\d+) m\\)", "point-near"),
            rule("point (.*) \\(GCJ-02\\) lies outside every district, farther than (\\d+) m from the nearest", "point-outside"),
            rule("no coordinates and no address text", "no-address"),
            rule("no coordinates and no district named in the address", "no-district-named"),
            rule("no coordinates, and no district, township or village of the city named in the (address text|description)",
                    "no-place-named"),
            rule("(address text|description) names \\[(.*)] → (\\d{6} \\S+)(.*)", "names"),
            rule("(address text|description) is ambiguous: (.*)", "ambiguous"),
            rule("no coordinates; the named source (\\S+) lies in (\\d{6} \\S+)", "source-lies-in"),
            rule("grid (\\S+) of (.*)", "grid-of"),
            rule("grid (\\S+)", "grid"),
            // the rule's description (English, in dispatch's rule table) is left out of the Chinese sentence
            rule("(\\S+) v(\\d+) \\(precedence (\\d+)\\): (.*) → ([A-Z_]+) \\+ \\[(.*)](.*)", "rule-co"),
            rule("(\\S+) v(\\d+) \\(precedence (\\d+)\\): (.*) → ([A-Z_]+)(.*)", "rule"),
            rule("(\\S+) v(\\d+): (.*) → ([A-Z_]+)(.*)", "rule-short"),
            rule("excluded after returns: \\[(.*)]; (.*)", "excluded-note"),
            rule("excluded after returns: \\[(.*)]", "excluded"),
            rule("heavy-pollution alert (\\S+) \\(≥ (\\S+)\\) raises (\\S+) complaints to URGENT", "alert"),
            rule("returned by (\\S+) \\(([A-Z_]+): (.*)\\); return (\\d+) of (\\d+)", "returned-by"),
            rule("campaign office \\(攻坚办\\) decision by (\\S+), final: (.*); earlier returns by \\[(.*)]", "arbitrated"),
            rule("returned after the campaign office's decision; waiting for the campaign office \\(攻坚办\\)",
                    "returned-after-arbitration"),
            rule("returned after the campaign office's decision", "returned-after-arbitration"),
            rule("returned (\\d+) times by \\[(.*)](?:; waiting for the campaign office \\(攻坚办\\))?", "returned-times"),
            rule("no department left after returns by \\[(.*)](?:; waiting for the campaign office \\(攻坚办\\))?", "no-department-left"),
            rule("category (\\S+) is not in the city's catalogue", "unknown-category"),
            rule("same incident as open case (\\S+): (\\d+) m and (\\d+) min apart \\(within (\\d+) m and (\\d+) h\\)", "merge"),
            rule("no registered source of a matching type within (\\d+) m", "no-source"),
            rule("(named|registered) source (\\S+) (.*?) \\((.*)\\); responsible: (.*)", "source"),
            rule("no rule of table v(\\d+) matches (\\S+) in (\\d{6})", "no-rule"),
            rule("assigned by (\\S+) to ([A-Z_]+) in (\\d{6}): (.*)", "manual-note"),
            rule("assigned by (\\S+) to ([A-Z_]+) in (\\d{6})", "manual"));

    private final MessageSource messages;
    private final Labels labels;

    Wording(MessageSource messages, Labels labels) {
        this.messages = messages;
        this.labels = labels;
    }

    /** A refusal put into words, and the field of the form it is about (null: the form as a whole). */
    public record Refusal(String message, String field) {
    }

    /** The note of a timeline entry: a sentence the case wrote itself in the page's language, a person's words as written. */
    public String note(HistoryEntry entry) {
        String note = entry.note();
        if (note == null || english()) {
            return note;
        }
        for (NoteRule rule : NOTES) {
            if (rule.action().equals(entry.action())) {
                Matcher m = rule.pattern().matcher(note);
                if (m.matches()) {
                    return message("wording.note." + rule.key(), m);
                }
            }
        }
        return note;
    }

    /** A sentence of dispatch-service's (a trace step's detail, a queue reason's detail). */
    public String dispatch(String text) {
        if (text == null || english()) {
            return text;
        }
        for (Rule rule : DISPATCH) {
            Matcher m = rule.pattern().matcher(text);
            if (m.matches()) {
                return message("wording.dispatch." + rule.key(), m);
            }
        }
        return text;
    }

    /** What a refused action or page says, and beside which field. */
    public Refusal refusal(String text) {
        String said = text == null ? "" : text;
        for (RefusalRule rule : REFUSALS) {
            Matcher m = rule.pattern().matcher(said);
            if (m.matches()) {
                return new Refusal(english() ? said : message("wording.refusal." + rule.key(), m), rule.field());
            }
        }
        return new Refusal(english() ? said : messages.getMessage("wording.refusal.other", null, locale()), null);
    }

    /** A form field whose text is not a number (or date) where one is needed. */
    public String unreadable() {
        return messages.getMessage("wording.refusal.unreadable", null, locale());
    }

    /** {@link #refusal} for a template: the words only. */
    public String refused(String text) {
        return refusal(text).message();
    }

    /** A trace step's name (territory, rule, return, …). */
    public String step(String step) {
        return step == null ? "" : messages.getMessage("trace.step." + step, null, step, locale());
    }

    /** Who signed an entry: a person's id with their role and unit, or the system part that wrote it. */
    public String actor(Actor actor) {
        if (actor == null) {
            return "";
        }
        String who = maybe("actor." + actor.userId());
        if (who != null) {
            return who;
        }
        if (actor.userId() != null && actor.userId().startsWith("reporter:")) {
            return messages.getMessage("actor.reporter", null, locale());
        }
        return actor.userId() + " · " + term(actor.role()) + " · " + labels.unit(actor.unit());
    }

    /**
     * One word or code in the page's language: a unit (城市管理局@410305 → 涧西区城市管理局), a district
     * ("410305 涧西区" → 涧西区), a list of either, a state, clock, reason, penalty, role, a time; else as given.
     */
    public String term(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.trim();
        if (INSTANT.matcher(s).matches()) {
            try {
                return labels.time(Instant.parse(s));
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        if (UNIT.matcher(s).matches()) {
            return labels.unit(s);
        }
        if (DISTRICT_CODE.matcher(s).matches()) {
            return labels.district(s);
        }
        Matcher district = DISTRICT.matcher(s);
        if (district.matches()) {
            return english() ? s : district.group(2);
        }
        Matcher list = LIST.matcher(s);
        if (list.matches()) {
            return list(list.group(1));
        }
        if (s.contains(", ") && Arrays.stream(s.split(",\\s*")).allMatch(item -> CODE.matcher(item).matches()
                || UNIT.matcher(item).matches() || DISTRICT_CODE.matcher(item).matches())) {
            return list(s);
        }
        if (CODE.matcher(s).matches()) {
            for (String prefix : TERM_PREFIXES) {
                String said = maybe(prefix + s);
                if (said != null) {
                    return said;
                }
            }
            String department = labels.department(s);
            if (!department.equals(s)) {
                return department;
            }
            String category = labels.category(s);
            return category;
        }
        return messages.getMessage("term." + s.replace(' ', '-'), null, s, locale());
    }

    private String list(String items) {
        if (items.isBlank()) {
            return "";
        }
        return Arrays.stream(items.split(",\\s*")).map(this::term).collect(Collectors.joining(english() ? ", " : "、"));
    }

    private String message(String key, Matcher m) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = m.group(i + 1) == null ? "" : term(m.group(i + 1));
        }
        return messages.getMessage(key, args, locale());
    }

    /** The message under {@code key}, or null when there is none (the source otherwise answers with the key). */
    private String maybe(String key) {
        String said = messages.getMessage(key, null, MISSING, locale());
        return MISSING.equals(said) ? null : said;
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static boolean english() {
        return "en".equals(locale().getLanguage());
    }

    private static NoteRule note(String action, String regex, String key) {
        return new NoteRule(action, Pattern.compile(regex, Pattern.DOTALL), key);
    }

    private static RefusalRule refusal(String regex, String key, String field) {
        return new RefusalRule(Pattern.compile(regex, Pattern.DOTALL), key, field);
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), key);
    }
}
