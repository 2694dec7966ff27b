package cn.luoyang.pollution.complaint.tracking;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reporter rates the result on the public page (满意度评价): the same fact as the SMS survey's
 * answer, {@link ReporterFeedbackReceived} on {@code reporters.feedback}, so enforcement-service
 * treats both alike (UNSATISFIED reopens the case). Only whoever holds the tracking number (and, for a
 * named report, the last four digits: the same check and lockout as the lookup) may rate, only a
 * closed complaint, and only once per complaint.
 */
public final class PublicRatings {

    /** SATISFIED (满意), BASICALLY_SATISFIED (基本满意), UNSATISFIED (不满意): the survey's answers. */
    public static final Set<String> RATINGS = Arrays.stream(Satisfaction.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    /** What became of a rating. */
    public enum Outcome { RATED, ALREADY_RATED, NOT_CLOSED, NOT_FOUND, LOCKED, INVALID }

    private final PublicLookup lookup;
    private final RatingStore store;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Duration relayGrace;

    public PublicRatings(PublicLookup lookup, RatingStore store, OutboxRelay relay, Clock clock, Duration relayGrace) {
        this.lookup = lookup;
        this.store = store;
        this.relay = relay;
        this.clock = clock;
        this.relayGrace = relayGrace;
    }

    public Outcome rate(String trackingNumber, String phoneLastFour, String rating) {
        if (rating == null || !RATINGS.contains(rating)) {
            return Outcome.INVALID;
        }
        PublicLookup.Answer answer = lookup.find(trackingNumber, phoneLastFour);
        if (answer instanceof PublicLookup.Locked) {
            return Outcome.LOCKED;
        }
        if (!(answer instanceof PublicLookup.Found found)) {
            return Outcome.NOT_FOUND;
        }
        Tracked t = found.tracked();
        if (t.progress().status() != PublicStatus.CLOSED || t.progress().caseId() == null) {
            return Outcome.NOT_CLOSED;
        }
        Instant now = clock.instant();
        // one id per complaint: a second try (or a second instance) names the same fact
        String eventId = UUID.nameUUIDFromBytes(("public-rating|" + t.complaintId()).getBytes(StandardCharsets.UTF_8)).toString();
        var event = new ReporterFeedbackReceived(eventId, t.progress().caseId(), t.complaintId(), Satisfaction.valueOf(rating),
                now, ReporterFeedbackReceived.VERSION);
        OutboxEntry entry = new OutboxEntry(event, Topics.REPORTERS_FEEDBACK, now.plus(relayGrace));
        if (!store.rate(t.complaintId(), rating, now, entry)) {
            return Outcome.ALREADY_RATED;
        }
        relay.publishSoon(t.complaintId());
        return Outcome.RATED;
    }

    public boolean rated(Tracked t) {
        return store.ratingOf(t.complaintId()).isPresent();
    }
}
