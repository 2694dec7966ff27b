package cn.luoyang.pollution.complaint.monitoring.config;

import cn.luoyang.pollution.complaint.intake.IntakeService;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.monitoring.cases.MonitorCases;
import cn.luoyang.pollution.complaint.monitoring.cases.messaging.FaultCases;
import cn.luoyang.pollution.complaint.monitoring.cases.persistence.MongoEpisodes;
import cn.luoyang.pollution.complaint.notes.FollowUps;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.events.DeadLetters;
import cn.luoyang.pollution.kit.events.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/** Wires the faults' consumer: monitors' faults become complaints (always on: without faults it reads nothing). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MonitorCasesProperties.class)
class MonitorCasesConfiguration {

    @Bean
    MonitorCases monitorCases(IntakeService intake, MongoComplaints complaints, FollowUps followUps, MongoTemplate mongo,
                              MonitorCasesProperties p, Catalogue catalogue, Clock clock) {
        p.categories().forEach((factor, category) -> {
            if (catalogue.category(category).isEmpty()) {
                throw new IllegalStateException("complaints.monitoring.cases.categories." + factor + ": unknown category "
                        + category);
            }
        });
        return new MonitorCases(intake, complaints, followUps, new MongoEpisodes(mongo), p.categories(), clock);
    }

    /** Binding {@code monitorFaults-in-0} ← {@code monitoring.faults}. */
    @Bean
    Consumer<Message<byte[]>> monitorFaults(MonitorCases cases, EventCodec codec, DeadLetters deadLetters,
                                            MeterRegistry meters) {
        return new FaultCases(cases, codec, deadLetters, meters);
    }
}
