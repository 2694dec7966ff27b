package cn.luoyang.pollution.complaint.config;

import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.tracking.LookupLockout;
import cn.luoyang.pollution.complaint.tracking.PublicLookup;
import cn.luoyang.pollution.complaint.tracking.PublicRatings;
import cn.luoyang.pollution.complaint.tracking.Tracker;
import cn.luoyang.pollution.complaint.tracking.persistence.MongoFailedLookups;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/** Public status: consumers of dispatch and case events, and the lookup. */
@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    @Bean
    Tracker tracker(MongoComplaints complaints) {
        return new Tracker(complaints);
    }

    @Bean
    PublicLookup publicLookup(MongoComplaints complaints, MongoTemplate mongo, PublicSurfaceProperties surface, Clock clock) {
        LookupLockout lockout = new LookupLockout(surface.lookupLockout().maxFailures(), surface.lookupLockout().window());
        return new PublicLookup(complaints, new MongoFailedLookups(mongo, lockout.window().multipliedBy(2)), lockout, clock);
    }

    @Bean
    PublicRatings publicRatings(PublicLookup lookup, MongoComplaints complaints, OutboxRelay relay, Clock clock, ComplaintProperties p) {
        return new PublicRatings(lookup, complaints, relay, clock, p.outbox().grace());
    }

    /** Binding {@code caseDispatched-in-0} ← {@code cases.dispatched}, in batch mode: a poll is applied and written together. */
    @Bean
    Consumer<Message<List<byte[]>>> caseDispatched(EventConsumers consumers, Tracker tracker) {
        return consumers.batchOf(Topics.CASES_DISPATCHED, (events, rejections) -> tracker.on(events));
    }

    /** Binding {@code caseLifecycle-in-0} ← {@code cases.lifecycle}, in batch mode: a poll is applied and written together. */
    @Bean
    Consumer<Message<List<byte[]>>> caseLifecycle(EventConsumers consumers, Tracker tracker) {
        return consumers.batchOf(Topics.CASES_LIFECYCLE, (events, rejections) -> tracker.on(events));
    }
}
