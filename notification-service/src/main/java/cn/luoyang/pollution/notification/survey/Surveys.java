package cn.luoyang.pollution.notification.survey;

import java.time.Instant;
import java.util.Optional;

/** Open and answered surveys, found by the reporter's number (keyed hash). */
public interface Surveys {

    /** Idempotent: opening the same survey twice keeps the first. */
    void open(Survey survey);

    /** The most recently opened unanswered survey for the number, opened at or after {@code since}. */
    Optional<Survey> latestOpen(String phoneHash, Instant since);

    /**
     * Stores the answer with its event ({@code ReporterFeedbackReceived}) in the same write, unless the
     * survey was answered meanwhile; false then.
     */
    boolean answer(Survey answered);
}
