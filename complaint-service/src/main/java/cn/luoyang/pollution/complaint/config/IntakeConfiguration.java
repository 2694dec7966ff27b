package cn.luoyang.pollution.complaint.config;

import cn.luoyang.pollution.complaint.confidentiality.ReporterContacts;
import cn.luoyang.pollution.complaint.intake.CityArea;
import cn.luoyang.pollution.complaint.intake.ComplaintRules;
import cn.luoyang.pollution.complaint.intake.IntakeService;
import cn.luoyang.pollution.complaint.intake.MediaLimits;
import cn.luoyang.pollution.complaint.intake.json.ComplaintForms;
import cn.luoyang.pollution.complaint.intake.messaging.SubmittedIntake;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.intake.persistence.MongoTrackingNumbers;
import cn.luoyang.pollution.complaint.intake.web.IntakeLimits;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.events.DeadLetters;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/** Wires the plain-Java intake to MongoDB, Kafka and the configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComplaintProperties.class)
class IntakeConfiguration {

    @Bean
    Catalogue catalogue() {
        return Catalogue.defaults();
    }

    @Bean
    ComplaintRules complaintRules(Catalogue catalogue, ComplaintProperties p, Clock clock) {
        var a = p.cityArea();
        var m = p.media();
        return new ComplaintRules(catalogue,
                new CityArea(a.name(), a.minLongitude(), a.maxLongitude(), a.minLatitude(), a.maxLatitude()),
                new MediaLimits(m.imageTypes(), m.videoTypes(), m.maxImageBytes(), m.maxVideoBytes(), m.maxItems()), clock);
    }

    @Bean
    MongoComplaints mongoComplaints(MongoTemplate mongo, EventCodec codec) {
        MongoComplaints complaints = new MongoComplaints(mongo, codec);
        complaints.createIndexes();
        return complaints;
    }

    @Bean
    MongoTrackingNumbers trackingNumbers(MongoTemplate mongo, ComplaintProperties p) {
        return new MongoTrackingNumbers(mongo, p.tracking().blockSize());
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Clock clock) {
        // a claim holds each document it publishes from for a minute: other instances pass it by
        return new OutboxRelay(mongo, MongoComplaints.COLLECTION, outbox, publisher, clock, Duration.ofMinutes(1));
    }

    @Bean
    IntakeService intakeService(ComplaintRules rules, MongoComplaints complaints, MongoTrackingNumbers numbers,
                                OutboxRelay relay, Clock clock, ComplaintProperties p) {
        return new IntakeService(rules, complaints, numbers, relay, clock, p.outbox().grace());
    }

    @Bean
    ComplaintForms complaintForms(ReporterContacts contacts) {
        return new ComplaintForms(contacts);
    }

    @Bean
    IntakeLimits intakeLimits(ComplaintProperties p) {
        return new IntakeLimits(p.intake().maxBodyBytes());
    }

    /** Binding {@code submitted-in-0} ← {@code complaints.submitted}, in batch mode. */
    @Bean
    Consumer<Message<List<byte[]>>> submitted(IntakeService intake, ComplaintForms forms, DeadLetters deadLetters,
                                        EventPublisher publisher, Clock clock, ComplaintProperties p) {
        return new SubmittedIntake(intake, forms, deadLetters, publisher, clock, p.intake().maxBodyBytes(), EventConsumers.Retries.DEFAULT);
    }
}
