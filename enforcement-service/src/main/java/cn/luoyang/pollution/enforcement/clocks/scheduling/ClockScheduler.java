package cn.luoyang.pollution.enforcement.clocks.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Fires due case clocks. Every replica runs one; each claims a due case with findAndModify on a
 * lease field, so two replicas never work the same case at once. A replica that dies holding a
 * lease only delays the case until the lease runs out. The timers' "fired" marks are saved with
 * the events they caused, under the case's version check, so even an expired lease cannot make
 * a timer fire twice.
 */
public class ClockScheduler {

    private static final Logger log = LoggerFactory.getLogger(ClockScheduler.class);
    static final String LEASE = "clockLeaseUntil";
    static final String OWNER = "clockLeaseOwner";

    private final MongoTemplate mongo;
    private final CaseService cases;
    private final Clock clock;
    private final Duration lease;
    private final String owner;

    public ClockScheduler(MongoTemplate mongo, CaseService cases, Clock clock, Duration lease) {
        this(mongo, cases, clock, lease, UUID.randomUUID().toString());
    }

    public ClockScheduler(MongoTemplate mongo, CaseService cases, Clock clock, Duration lease, String owner) {
        this.mongo = mongo;
        this.cases = cases;
        this.clock = clock;
        this.lease = lease;
        this.owner = owner;
    }

    /** Works every case with a due timer; returns how many timers fired. */
    public int tick() {
        int fired = 0;
        java.util.Set<String> worked = new java.util.HashSet<>();
        String caseId;
        while ((caseId = claimDue()) != null) {
            if (!worked.add(caseId)) {
                release(caseId);
                return fired; // nothing fired for it a moment ago: leave it for the next tick
            }
            try {
                fired += cases.fireDueTimers(caseId);
            } catch (RuntimeException e) {
                log.warn("case {}: clocks not fired now, retried after the lease: {}", caseId, e.toString());
                return fired;
            } finally {
                release(caseId);
            }
        }
        return fired;
    }

    /** Claims one due case for this replica, or null when none is due and free. */
    public String claimDue() {
        Date now = Date.from(clock.instant());
        // the due time is the filter's top-level condition: served by the clocks.nextDueAt index, not a scan
        Query due = query(where("clocks.nextDueAt").lte(now)
                .orOperator(where(LEASE).is(null), where(LEASE).lte(now)));
        due.fields().include("_id");
        Document claimed = mongo.findAndModify(due,
                new Update().set(LEASE, Date.from(clock.instant().plus(lease))).set(OWNER, owner),
                FindAndModifyOptions.options().returnNew(true), Document.class, "cases");
        return claimed == null ? null : claimed.getString("_id");
    }

    private void release(String caseId) {
        mongo.updateFirst(query(where("_id").is(caseId).and(OWNER).is(owner)),
                new Update().unset(LEASE).unset(OWNER), "cases");
    }
}
