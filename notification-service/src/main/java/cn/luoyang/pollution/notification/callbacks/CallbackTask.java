package cn.luoyang.pollution.notification.callbacks;

import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.survey.Rating;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One callback (回访) owed to a reporter SMS could not reach, for one milestone message: its id is
 * derived from the message's id (a name-based UUID, safe in a URL), so a redelivered event, a second
 * sweep or another instance finds the task that exists instead of making another. It holds no number: the reporter's sealed contact is opened only
 * for the operator who took the task ({@link #revealedTo}), and every reveal is kept.
 *
 * @param script what to tell the reporter: the text the SMS would have carried
 * @param tries  calls made that did not reach the reporter
 */
public record CallbackTask(String id, String messageId, String complaintId, String caseId, String trackingNumber, Milestone milestone,
        String maskedPhone, String script, String why, Instant createdAt, CallbackState state, Instant notBefore,
        String takenBy, Instant takenAt, int tries, List<Reveal> reveals, Rating rating, String note, String finishedBy,
        Instant finishedAt, long version) {

    /** Who saw the number, and when. */
    public record Reveal(String by, Instant at) {
    }

    public CallbackTask {
        reveals = List.copyOf(reveals);
    }

    public static CallbackTask open(String messageId, String complaintId, String caseId, String trackingNumber,
            Milestone milestone, String maskedPhone, String script, String why, Instant now) {
        return new CallbackTask(idFor(messageId), messageId, complaintId, caseId, trackingNumber, milestone,
                maskedPhone, script, why, now,
                CallbackState.OPEN, now, null, null, 0, List.of(), null, null, null, null, 0);
    }

    /** The caller takes the task; taking one's own again changes nothing. */
    public CallbackTask take(String operator, Instant now) {
        if (state == CallbackState.TAKEN && operator.equals(takenBy)) {
            return this;
        }
        if (state == CallbackState.TAKEN) {
            throw new CallbackRefused(CallbackRefused.Kind.TAKEN_BY_OTHER, null, "task " + id + " is taken by another operator");
        }
        if (state.isFinal()) {
            throw new CallbackRefused(CallbackRefused.Kind.FINISHED, null, "task " + id + " is finished: " + state);
        }
        return with(CallbackState.TAKEN, notBefore, operator, now, tries, reveals, null, null, null, null);
    }

    /** The number is shown to the operator holding the task, and the reveal is kept. */
    public CallbackTask revealedTo(String operator, Instant now) {
        mustHold(operator);
        List<Reveal> all = new ArrayList<>(reveals);
        all.add(new Reveal(operator, now));
        return with(state, notBefore, takenBy, takenAt, tries, all, null, null, null, null);
    }

    /**
     * Records the call. NOT_REACHED puts the task back in the list from {@code retryAt}, or ends it
     * NOT_REACHED at the {@code maxTries}-th try; ANSWERED needs a rating and the CLOSED milestone.
     */
    public CallbackTask record(String operator, CallbackOutcome outcome, Rating answer, String remark, Instant now,
            Instant retryAt, int maxTries) {
        mustHold(operator);
        if (outcome == CallbackOutcome.ANSWERED) {
            if (milestone != Milestone.CLOSED) {
                throw new CallbackRefused(CallbackRefused.Kind.INVALID, "outcome",
                        "only a CLOSED milestone's callback carries a survey answer; use REACHED");
            }
            if (answer == null) {
                throw new CallbackRefused(CallbackRefused.Kind.INVALID, "rating", "must be 1, 2 or 3 when ANSWERED");
            }
            return with(CallbackState.ANSWERED, notBefore, takenBy, takenAt, tries, reveals, answer, remark, operator,
                    now);
        }
        if (answer != null) {
            throw new CallbackRefused(CallbackRefused.Kind.INVALID, "rating", "only an ANSWERED outcome carries a rating");
        }
        return switch (outcome) {
            case REACHED -> with(CallbackState.REACHED, notBefore, takenBy, takenAt, tries, reveals, null, remark,
                    operator, now);
            case REFUSED -> with(CallbackState.REFUSED, notBefore, takenBy, takenAt, tries, reveals, null, remark,
                    operator, now);
            case NOT_REACHED -> tries + 1 >= maxTries
                    ? with(CallbackState.NOT_REACHED, notBefore, takenBy, takenAt, tries + 1, reveals, null, remark,
                            operator, now)
                    : with(CallbackState.OPEN, retryAt, null, null, tries + 1, reveals, null, remark, null, null);
            case ANSWERED -> throw new IllegalStateException();
        };
    }

    /** The task id of a milestone message. */
    public static String idFor(String messageId) {
        return UUID.nameUUIDFromBytes(("callback|" + messageId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The same task as stored with {@code stored} as its version. */
    public CallbackTask withVersion(long stored) {
        return new CallbackTask(id, messageId, complaintId, caseId, trackingNumber, milestone, maskedPhone, script,
                why, createdAt,
                state, notBefore, takenBy, takenAt, tries, reveals, rating, note, finishedBy, finishedAt, stored);
    }

    private void mustHold(String operator) {
        if (state != CallbackState.TAKEN || !operator.equals(takenBy)) {
            throw new CallbackRefused(CallbackRefused.Kind.NOT_YOURS, null,
                    "task " + id + " is not held by the caller: take it first");
        }
    }

    private CallbackTask with(CallbackState s, Instant due, String by, Instant at, int n, List<Reveal> seen, Rating r,
            String remark, String doneBy, Instant doneAt) {
        return new CallbackTask(id, messageId, complaintId, caseId, trackingNumber, milestone, maskedPhone, script,
                why, createdAt,
                s, due, by, at, n, seen, r, remark, doneBy, doneAt, version);
    }
}
