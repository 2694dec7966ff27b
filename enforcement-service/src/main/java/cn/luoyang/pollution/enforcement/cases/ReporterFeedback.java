package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The reporters' answers to a case's closure surveys (回访满意度), each counted once by its event id
 * however often it is delivered, and tied to the closure it rates. Works on the case's lists, which the
 * case keeps and the store saves.
 */
final class ReporterFeedback {

    private final List<Feedback> answers;
    private final Set<String> seenEvents;

    ReporterFeedback(List<Feedback> answers, Set<String> seenEvents) {
        this.answers = answers;
        this.seenEvents = seenEvents;
    }

    /** Records the answer to the {@code closureNumber}-th closure; false when this event was seen before. */
    boolean record(String eventId, String complaintId, Satisfaction rating, int closureNumber, Instant at) {
        if (!seenEvents.add(eventId)) {
            return false;
        }
        answers.add(new Feedback(complaintId, rating, closureNumber, at));
        return true;
    }

    /** Who signs a survey answer on the timeline: the reporter of that complaint, never by name. */
    static Actor reporter(String complaintId) {
        return new Actor("reporter:" + complaintId, "REPORTER", "PUBLIC");
    }
}
