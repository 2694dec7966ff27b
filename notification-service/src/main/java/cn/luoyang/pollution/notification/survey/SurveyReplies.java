package cn.luoyang.pollution.notification.survey;

import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.notification.gateway.IncomingReply;
import cn.luoyang.pollution.notification.reporters.PhoneHasher;
import cn.luoyang.pollution.notification.sending.OptOuts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads reporters' replies (上行短信): "1"/"2"/"3" answers the latest open survey sent to that number
 * within the window, "TD" opts the number out, anything else is kept and counted. The number is
 * only ever looked up by its keyed hash.
 */
public final class SurveyReplies {

    /** What became of a reply: {@code rated}, {@code opted-out}, {@code no-open-survey}, {@code not-a-rating}. */
    public enum Outcome { RATED, OPTED_OUT, NO_OPEN_SURVEY, NOT_A_RATING, UNKNOWN_SENDER }

    private final Surveys surveys;
    private final OptOuts optOuts;
    private final UnmatchedReplies unmatched;
    private final Consumer<String> publishSoon;
    private final PhoneHasher hasher;
    private final Duration window;
    private final Clock clock;
    private final Consumer<Outcome> counter;

    /**
     * @param publishSoon publishes the outbox of the survey with this id now (the outbox relay of
     *                    {@code surveys}); what it cannot publish waits for the relay's sweep
     */
    public SurveyReplies(Surveys surveys, OptOuts optOuts, UnmatchedReplies unmatched, Consumer<String> publishSoon,
            PhoneHasher hasher, Duration window, Clock clock, Consumer<Outcome> counter) {
        this.surveys = surveys;
        this.optOuts = optOuts;
        this.unmatched = unmatched;
        this.publishSoon = publishSoon;
        this.hasher = hasher;
        this.window = window;
        this.clock = clock;
        this.counter = counter;
    }

    public Outcome received(IncomingReply reply) {
        Outcome outcome = interpret(reply);
        counter.accept(outcome);
        return outcome;
    }

    private Outcome interpret(IncomingReply reply) {
        Instant at = reply.receivedAt() != null ? reply.receivedAt() : clock.instant();
        String number = PhoneNumbers.normalise(reply.fromNumber());
        if (number == null) {
            unmatched.record(null, reply.text(), "unknown-sender", at);
            return Outcome.UNKNOWN_SENDER;
        }
        String phoneHash = hasher.hash(number);
        ReplyText text = ReplyText.read(reply.text());
        switch (text.kind()) {
            case OPT_OUT -> {
                optOuts.optOut(phoneHash, at);
                return Outcome.OPTED_OUT;
            }
            case OTHER -> {
                unmatched.record(phoneHash, reply.text(), "not-a-rating", at);
                return Outcome.NOT_A_RATING;
            }
            default -> {
                return rate(phoneHash, text.rating(), reply.text(), at);
            }
        }
    }

    private Outcome rate(String phoneHash, Rating rating, String raw, Instant at) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Survey> open = surveys.latestOpen(phoneHash, at.minus(window));
            if (open.isEmpty()) {
                break;
            }
            Survey answered = open.get().answer(rating, at);
            if (surveys.answer(answered)) {
                publishSoon.accept(answered.id());
                return Outcome.RATED;
            }
        }
        unmatched.record(phoneHash, raw, "no-open-survey", at);
        return Outcome.NO_OPEN_SURVEY;
    }
}
