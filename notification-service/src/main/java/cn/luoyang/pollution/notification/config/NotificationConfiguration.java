package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.notification.callbacks.CallbackTasks;
import cn.luoyang.pollution.notification.callbacks.Worklist;
import cn.luoyang.pollution.notification.callbacks.messaging.OfferingSink;
import cn.luoyang.pollution.notification.callbacks.persistence.MongoCallbackTasks;
import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.escalations.PersonContacts;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.SmsGateway;
import cn.luoyang.pollution.notification.gateway.recording.MongoSentSmsRecords;
import cn.luoyang.pollution.notification.gateway.recording.RecordingGateway;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.milestones.MilestoneMessages;
import cn.luoyang.pollution.notification.milestones.MilestoneSettings;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import cn.luoyang.pollution.notification.reporters.PhoneHasher;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import cn.luoyang.pollution.notification.rewards.RewardMessages;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.sending.Backoff;
import cn.luoyang.pollution.notification.sending.DeliveryReports;
import cn.luoyang.pollution.notification.sending.SendingSettings;
import cn.luoyang.pollution.notification.sending.Inbox;
import cn.luoyang.pollution.notification.sending.ReceiptBatches;
import cn.luoyang.pollution.notification.sending.MessageSender;
import cn.luoyang.pollution.notification.sending.NumberCaps;
import cn.luoyang.pollution.notification.sending.OptOuts;
import cn.luoyang.pollution.notification.sending.QuietHours;
import cn.luoyang.pollution.notification.sending.Receipts;
import cn.luoyang.pollution.notification.sending.SendingPolicy;
import cn.luoyang.pollution.notification.sending.persistence.MongoNumberSlots;
import cn.luoyang.pollution.notification.sending.persistence.MongoOptOuts;
import cn.luoyang.pollution.notification.sending.persistence.MongoReceipts;
import cn.luoyang.pollution.notification.survey.SurveyReplies;
import cn.luoyang.pollution.notification.survey.Surveys;
import cn.luoyang.pollution.notification.survey.UnmatchedReplies;
import cn.luoyang.pollution.notification.survey.persistence.MongoSurveys;
import cn.luoyang.pollution.notification.survey.persistence.MongoUnmatchedReplies;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.UnitNotices;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the plain-Java core to MongoDB, Kafka and the chosen gateway. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationProperties.class, ResilienceProperties.class})
class NotificationConfiguration {

    @Bean
    Messages messages(MongoTemplate mongo, Outbox outbox) {
        return new MongoMessages(mongo, outbox);
    }

    @Bean
    ReporterContacts reporterContacts(MongoTemplate mongo, Directory directory) {
        // directory people (escalations) are reached through the same sender as reporters
        return new PersonContacts(new MongoReporterContacts(mongo), directory);
    }

    @Bean
    CaseFiles caseFiles(MongoTemplate mongo) {
        return new MongoCaseFiles(mongo);
    }

    @Bean
    OptOuts optOuts(MongoTemplate mongo) {
        return new MongoOptOuts(mongo);
    }

    @Bean
    Receipts receipts(MongoTemplate mongo) {
        return new MongoReceipts(mongo);
    }

    @Bean
    Surveys surveys(MongoTemplate mongo, Outbox outbox) {
        return new MongoSurveys(mongo, outbox);
    }

    @Bean
    UnmatchedReplies unmatchedReplies(MongoTemplate mongo) {
        return new MongoUnmatchedReplies(mongo);
    }

    @Bean
    MessageTemplates messageTemplates(NotificationProperties p) {
        return MessageTemplates.of(p.getTemplates().getLanguage(), p.getTemplates().getSignature(), p.getTemplates().getText());
    }

    @Bean
    MilestoneMessages milestoneMessages(Messages messages, ReporterContacts contacts, CaseFiles caseFiles,
            MessageTemplates templates, NotificationProperties p, Clock clock, ObjectProvider<SendingLoop> loop) {
        MilestoneSettings settings = new MilestoneSettings(
                p.getOptionalMilestones().isEmpty() ? MilestoneSettings.ALWAYS : union(p),
                p.getUrgentMilestones().isEmpty() ? EnumSet.noneOf(Milestone.class)
                        : EnumSet.copyOf(p.getUrgentMilestones()),
                p.getReplySummaryLength(), ZoneId.of(p.getQuietHours().getZone()));
        return new MilestoneMessages(messages, contacts, caseFiles, templates, Catalogue.defaults(), settings, clock,
                () -> loop.ifAvailable(SendingLoop::wake));
    }

    @Bean
    RewardMessages rewardMessages(Messages messages, ReporterContacts contacts, MessageTemplates templates, Clock clock,
            ObjectProvider<SendingLoop> loop) {
        return new RewardMessages(messages, contacts, templates, clock, () -> loop.ifAvailable(SendingLoop::wake));
    }

    private static Set<Milestone> union(NotificationProperties p) {
        var all = EnumSet.copyOf(MilestoneSettings.ALWAYS);
        all.addAll(p.getOptionalMilestones());
        return all;
    }

    @Bean
    CallbackTasks callbackTasks(MongoTemplate mongo, Outbox outbox) {
        return new MongoCallbackTasks(mongo, outbox);
    }

    @Bean
    Worklist worklist(CallbackTasks tasks, ReporterContacts contacts, ContactOpener opener,
            @Qualifier("callbackTasksRelay") OutboxRelay relay, Clock clock, NotificationProperties p) {
        return new Worklist(tasks, contacts, opener, relay::publishSoon, clock, p.getCallbacks().getRetryPause(),
                p.getCallbacks().getMaxTries());
    }

    /**
     * The kit's outbox relay on {@code sms_messages} ({@code ReporterNotified}); it offers each message
     * SMS could not carry to the callback worklist before its event goes out. {@link OutboxSweep} sweeps it.
     */
    @Bean
    OutboxRelay messagesRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Messages messages,
            Worklist worklist, Clock clock, NotificationProperties p) {
        return new OutboxRelay(mongo, MongoMessages.COLLECTION, outbox, new OfferingSink(publisher, messages, worklist),
                clock, p.getOutbox().getLease());
    }

    /** The kit's outbox relay on {@code surveys} (answers by SMS: {@code ReporterFeedbackReceived}). */
    @Bean
    OutboxRelay surveysRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Clock clock,
            NotificationProperties p) {
        return new OutboxRelay(mongo, MongoSurveys.COLLECTION, outbox, publisher, clock, p.getOutbox().getLease());
    }

    /** The kit's outbox relay on {@code callback_tasks} (answers on the phone and the ends of callbacks). */
    @Bean
    OutboxRelay callbackTasksRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Clock clock,
            NotificationProperties p) {
        return new OutboxRelay(mongo, MongoCallbackTasks.COLLECTION, outbox, publisher, clock, p.getOutbox().getLease());
    }

    @Bean
    DeliveryReports deliveryReports(Messages messages, Receipts receipts,
            @Qualifier("messagesRelay") OutboxRelay relay, Clock clock) {
        return new DeliveryReports(messages, receipts, relay::publishSoon, relay::publishSoon, clock);
    }

    /** Receipts arriving one at a time (SMPP) recorded in batches of up to 100 (group commit, README "Receipts in batches"). */
    @Bean
    ReceiptBatches receiptBatches(DeliveryReports reports) {
        return new ReceiptBatches(reports, 100);
    }

    @Bean
    SurveyReplies surveyReplies(Surveys surveys, OptOuts optOuts, UnmatchedReplies unmatched,
            @Qualifier("surveysRelay") OutboxRelay relay, PhoneHasher hasher, NotificationProperties p, Clock clock,
            MeterRegistry meters) {
        return new SurveyReplies(surveys, optOuts, unmatched, relay::publishSoon, hasher, p.getSurveyWindow(), clock,
                outcome -> meters.counter("notification.replies", "outcome", outcome.name().toLowerCase()).increment());
    }

    @Bean
    GatewayInbox gatewayInbox(DeliveryReports reports, ReceiptBatches batches, SurveyReplies replies) {
        return new Inbox(reports, batches, replies::received);
    }

    @Bean
    @ConditionalOnProperty(name = "notification.gateway", havingValue = "recording", matchIfMissing = true)
    SmsGateway recordingGateway(MongoTemplate mongo, Clock clock) {
        return new RecordingGateway(new MongoSentSmsRecords(mongo), clock);
    }

    @Bean
    SendingPolicy sendingPolicy(OptOuts optOuts, Messages messages, MongoTemplate mongo, NotificationProperties p) {
        NotificationProperties.QuietHours q = p.getQuietHours();
        boolean quiet = q.getEnabled() != null ? q.getEnabled() : p.reachesPhones();
        NotificationProperties.Caps c = p.getCaps();
        boolean capped = c.getEnabled() != null ? c.getEnabled() : p.reachesPhones();
        NumberCaps caps = capped ? new NumberCaps(List.of(
                new NumberCaps.Cap(c.getPerMinute(), Duration.ofMinutes(1)),
                new NumberCaps.Cap(c.getPerHour(), Duration.ofHours(1)),
                new NumberCaps.Cap(c.getPerDay(), Duration.ofDays(1)))) : NumberCaps.none();
        return new SendingPolicy(optOuts, new QuietHours(quiet, q.getStart(), q.getEnd(), ZoneId.of(q.getZone())), caps,
                new MongoNumberSlots(mongo, messages::sentToNumberSince));
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService smsWorkers(NotificationProperties p) {
        return Executors.newFixedThreadPool(Math.max(1, p.getSending().getWorkers()), runnable -> {
            Thread thread = new Thread(runnable, "sms-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    MessageSender messageSender(Messages messages, ReporterContacts contacts, ContactOpener opener,
            PhoneHasher hasher, SendingPolicy policy, SmsGateway gateway, DeliveryReports reports,
            @Qualifier("messagesRelay") OutboxRelay relay, Surveys surveys, Clock clock, NotificationProperties p, ResilienceProperties r,
            ObjectProvider<CircuitBreakerRegistry> breakers, ObjectProvider<RetryRegistry> retries,
            ObjectProvider<RateLimiterRegistry> limiters, ObjectProvider<BulkheadRegistry> bulkheads,
            ExecutorService smsWorkers, MeterRegistry meters) {
        NotificationProperties.Sending d = p.getSending();
        SendingSettings settings = new SendingSettings(d.getBatch(), d.getLease(), d.getContactWait(),
                new Backoff(d.getRetryInitial(), d.getRetryMax()), d.getGiveUpAfter(), p.getSurveyWindow());
        SmsGateway guarded = GatewayGuards.around(gateway, r,
                breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults), retries.getIfAvailable(RetryRegistry::ofDefaults),
                limiters.getIfAvailable(RateLimiterRegistry::ofDefaults), bulkheads.getIfAvailable(BulkheadRegistry::ofDefaults));
        return new MessageSender(messages, contacts, opener, hasher, policy, guarded, reports, relay::publishSoon, surveys, clock,
                settings, smsWorkers, cause -> meters.counter("notification.sms.outcome-unknown",
                        "cause", cause.name().toLowerCase(Locale.ROOT).replace('_', '-')).increment());
    }

    @Bean
    SendingLoop sendingLoop(MessageSender sender, UnitNotices units, NotificationProperties p) {
        return new SendingLoop(sender, units, p.getSending().getPollInterval(), p.getSending().getBatch());
    }
}
