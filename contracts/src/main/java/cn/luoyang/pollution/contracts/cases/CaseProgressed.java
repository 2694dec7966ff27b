package cn.luoyang.pollution.contracts.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Retired: the one generic "any other signed transition" event ({@code case.progressed.v1}) that
 * enforcement-service published before each fact got its own record ({@link CaseLifecycleEvent}). Nothing
 * publishes it any more; it stays registered so that consumers can still read the records of it left in
 * {@code cases.lifecycle} (and in outboxes) from before the upgrade, and {@link #upgrade()} each to the fact
 * it stood for. Its free-text {@code note} carried some facts (deadlines, days, a penalty's kind); they are
 * parsed back as the old producer wrote them, and left null when the text does not have them.
 */
@Deprecated
public record CaseProgressed(
        String eventId,
        String caseId,
        String action,
        String fromState,
        String toState,
        List<String> evidence,
        String note,
        Actor actor,
        Instant occurredAt,
        int schemaVersion) implements CaseEvent {

    public static final int VERSION = 1;

    /** The per-fact event this record stood for, with the same event id; empty for an action no fact names. */
    public Optional<CaseLifecycleEvent> upgrade() {
        List<String> ev = evidence == null ? List.of() : evidence;
        String text = note == null ? "" : note;
        CaseLifecycleEvent fact = switch (action == null ? "" : action) {
            case "INSPECTION_STARTED" -> new CaseInspected(eventId, caseId, ev, note, actor, occurredAt, 1);
            case "FOUND_UNFOUNDED" -> new CaseFoundUnfounded(eventId, caseId, ev, note, actor, occurredAt, 1);
            case "RECTIFICATION_ORDERED" -> {
                // "rectify by <deadline>[; <note>]"
                String rest = text.startsWith("rectify by ") ? text.substring("rectify by ".length()) : "";
                int semi = rest.indexOf("; ");
                yield new RectificationOrdered(eventId, caseId, instant(semi < 0 ? rest : rest.substring(0, semi)), ev,
                        semi < 0 ? null : rest.substring(semi + 2), actor, occurredAt, 1);
            }
            case "RECTIFIED" -> new CaseRectified(eventId, caseId, ev, note, actor, occurredAt, 1);
            case "RECTIFICATION_CHECK_DUE" -> {
                // "rectification deadline <deadline> passed: re-inspection due by <unit>[ / grid <grid>]"
                String deadline = between(text, "rectification deadline ", " passed:");
                String due = after(text, "re-inspection due by ");
                int grid = due == null ? -1 : due.indexOf(" / grid ");
                yield new RectificationCheckDue(eventId, caseId, instant(deadline),
                        grid < 0 ? due : due.substring(0, grid), grid < 0 ? null : due.substring(grid + " / grid ".length()),
                        occurredAt, 1);
            }
            case "RECTIFICATION_CHECK_PASSED" -> new RectificationChecked(eventId, caseId, true, ev, note, actor, occurredAt, 1);
            case "RECTIFICATION_CHECK_FAILED" -> new RectificationChecked(eventId, caseId, false, ev, note, actor, occurredAt, 1);
            case "VERIFIED" -> new CaseVerified(eventId, caseId, ev, note, actor, occurredAt, 1);
            case "PENALIZED" -> {
                // "<KIND>[ <amount> yuan][; <note>]"
                int semi = text.indexOf("; ");
                String head = semi < 0 ? text : text.substring(0, semi);
                String[] words = head.split(" ");
                BigDecimal amount = null;
                if (words.length >= 3 && "yuan".equals(words[2])) {
                    try {
                        amount = new BigDecimal(words[1]);
                    } catch (NumberFormatException unreadable) {
                        // left null
                    }
                }
                yield new CasePenalized(eventId, caseId, words[0].isEmpty() ? null : words[0], amount, null, ev,
                        semi < 0 ? null : text.substring(semi + 2), actor, occurredAt, 1);
            }
            case "CLOSURE_REQUESTED" -> new ClosureRequested(eventId, caseId, null, note, ev, actor, occurredAt, 1);
            case "CLOSURE_REJECTED" -> new ClosureRejected(eventId, caseId, note, actor, occurredAt, 1);
            case "CONTRIBUTION_RECORDED" -> new ContributionRecorded(eventId, caseId, actor == null ? null : actor.unit(), ev,
                    note, actor, occurredAt, 1);
            case "EXTENSION_REQUESTED" -> {
                // "<days> days: <reason>"
                int colon = text.indexOf(" days: ");
                int days = 0;
                try {
                    days = colon < 0 ? 0 : Integer.parseInt(text.substring(0, colon));
                } catch (NumberFormatException unreadable) {
                    // left 0
                }
                yield new ExtensionRequested(eventId, caseId, days, colon < 0 ? note : text.substring(colon + " days: ".length()),
                        actor, occurredAt, 1);
            }
            case "EXTENSION_REFUSED" -> new ExtensionRefused(eventId, caseId, note, actor, occurredAt, 1);
            case "LISTED_FOR_SUPERVISION" -> new CaseListedForSupervision(eventId, caseId, note, actor, occurredAt, 1);
            case "URGED" -> new CaseUrged(eventId, caseId, note, actor, occurredAt, 1);
            case "DRAWN_FOR_REINSPECTION" -> new CaseDrawnForReinspection(eventId, caseId, after(text, "by "), actor,
                    occurredAt, 1);
            case "REINSPECTION_CONFIRMED" -> new ReinspectionConfirmed(eventId, caseId, ev, note, actor, occurredAt, 1);
            case "DEADLINE_REMINDER" -> {
                // "<CLOCK> due at <deadline>"
                int at = text.indexOf(" due at ");
                yield new DeadlineApproaching(eventId, caseId, at < 0 ? null : clock(text.substring(0, at)), null,
                        at < 0 ? null : instant(text.substring(at + " due at ".length())), occurredAt, 1);
            }
            default -> null;
        };
        return Optional.ofNullable(fact);
    }

    private static ClockName clock(String name) {
        try {
            return ClockName.valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = from < 0 ? -1 : text.indexOf(end, from + start.length());
        return to < 0 ? null : text.substring(from + start.length(), to);
    }

    private static String after(String text, String start) {
        int from = text.indexOf(start);
        return from < 0 ? null : text.substring(from + start.length());
    }
}
