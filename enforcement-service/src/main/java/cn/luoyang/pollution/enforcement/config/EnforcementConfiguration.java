package cn.luoyang.pollution.enforcement.config;

import cn.luoyang.pollution.enforcement.accounts.persistence.MongoReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.Unit;
import cn.luoyang.pollution.enforcement.cases.application.CaseEvidence;
import cn.luoyang.pollution.enforcement.cases.application.CaseIntake;
import cn.luoyang.pollution.enforcement.cases.application.CaseQueries;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.cases.application.EventRelay;
import cn.luoyang.pollution.enforcement.cases.application.EvidenceFiles;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoCases;
import cn.luoyang.pollution.enforcement.cases.persistence.MongoEvidenceFiles;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import cn.luoyang.pollution.enforcement.clocks.DeadlineProfile;
import cn.luoyang.pollution.enforcement.clocks.TimeLimit;
import cn.luoyang.pollution.enforcement.clocks.WorkingCalendar;
import cn.luoyang.pollution.enforcement.clocks.scheduling.ClockScheduler;
import cn.luoyang.pollution.enforcement.statistics.Callbacks;
import cn.luoyang.pollution.enforcement.statistics.MonthlyPublications;
import cn.luoyang.pollution.enforcement.statistics.WeeklyReports;
import cn.luoyang.pollution.enforcement.statistics.persistence.MongoCallbacks;
import cn.luoyang.pollution.enforcement.supervision.ReinspectionSampling;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the plain-Java core to its adapters with explicit beans: the domain knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClockProperties.class)
public class EnforcementConfiguration {

    @Bean
    ClockRules clockRules(ClockProperties properties, MeterRegistry meters) {
        ClockProperties.Clocks c = properties.clocks();
        ProvisionalYears.announce(properties.calendar(), meters);
        Map<String, DeadlineProfile> profiles = new LinkedHashMap<>();
        c.profiles().forEach((name, p) -> profiles.put(name,
                new DeadlineProfile(name, TimeLimit.parse(p.sign()), TimeLimit.parse(p.onsite()), TimeLimit.parse(p.close()))));
        return new ClockRules(profiles, c.categories() == null ? Map.of() : c.categories(), calendar(properties, new UncoveredYearAlarm(meters)),
                ZoneId.of(c.zone()), c.reminderShare(), c.escalationDelays().stream().map(TimeLimit::parse).toList(),
                TimeLimit.parse(c.statutoryCap()), TimeLimit.parse(c.maxExtension()), TimeLimit.parse(c.reopenedClose()));
    }

    static WorkingCalendar calendar(ClockProperties properties, WorkingCalendar.UncoveredYear uncovered) {
        Set<Integer> years = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        if (properties.calendar() != null && properties.calendar().years() != null) {
            properties.calendar().years().forEach((year, y) -> {
                years.add(Integer.valueOf(year));
                if (y.holidays() != null) {
                    holidays.addAll(y.holidays());
                }
                if (y.workingDays() != null) {
                    working.addAll(y.workingDays());
                }
            });
        }
        return new WorkingCalendar(years, holidays, working, uncovered);
    }

    @Bean
    MongoCases cases(MongoTemplate mongo, EventCodec codec) {
        return new MongoCases(mongo, codec);
    }

    /** Evidence files in {@code case_evidence}; each at most {@code console.max-upload-bytes} (the multipart cap too). */
    @Bean
    MongoEvidenceFiles evidenceFiles(MongoTemplate mongo, @Value("${console.max-upload-bytes:10485760}") long maxUploadBytes) {
        return new MongoEvidenceFiles(mongo, maxUploadBytes);
    }

    @Bean
    CaseEvidence caseEvidence(Cases cases, EvidenceFiles files, Clock clock) {
        return new CaseEvidence(cases, files, clock);
    }

    @Bean
    MongoReporterAccounts reporterAccounts(MongoTemplate mongo) {
        return new MongoReporterAccounts(mongo);
    }

    /** The cases' relay; the reward claims' is {@code RewardConfiguration}'s. */
    @Bean
    @Primary
    OutboxRelay outboxRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Clock clock, ClockProperties properties) {
        return new OutboxRelay(mongo, MongoCases.COLLECTION, outbox, publisher, clock, properties.outbox().lease());
    }

    @Bean
    ReinspectionSampling reinspectionSampling(ClockProperties properties) {
        ClockProperties.Reinspection r = properties.reinspection();
        SecureRandom random = new SecureRandom();
        return new ReinspectionSampling(r.share(), random::nextDouble, Unit.parse(r.cityReviewer()), Unit.parse(r.alternateReviewer()));
    }

    @Bean
    CaseService caseService(Cases cases, ClockRules rules, Clock clock, OutboxRelay relay, ReinspectionSampling sampling,
            EvidenceFiles files) {
        return new CaseService(cases, rules, clock, relay::publishSoon, sampling, files);
    }

    @Bean
    CaseQueries caseQueries(Cases cases) {
        return new CaseQueries(cases);
    }

    @Bean
    CaseIntake caseIntake(Cases cases, ClockRules rules, Clock clock, CaseService service, OutboxRelay relay) {
        return new CaseIntake(cases, rules, clock, service, new EventRelay() {
            @Override
            public void publishSoon(String id) {
                relay.publishSoon(id);
            }

            @Override
            public void publishSoon(java.util.Collection<String> ids) {
                relay.publishSoon(ids);
            }
        });
    }

    @Bean
    MonthlyPublications monthlyPublications(WeeklyReports reports, Clock clock, ClockRules rules) {
        return new MonthlyPublications(reports, clock, rules.zone());
    }

    @Bean
    Callbacks endedCallbacks(MongoTemplate mongo) {
        return new MongoCallbacks(mongo);
    }

    @Bean
    WeeklyReports weeklyReports(Cases cases, Callbacks callbacks, Clock clock, ClockRules rules) {
        return new WeeklyReports(cases, callbacks, clock, rules.zone());
    }

    @Bean
    ClockScheduler clockScheduler(MongoTemplate mongo, CaseService service, Clock clock, ClockProperties properties) {
        return new ClockScheduler(mongo, service, clock, properties.clocks().lease());
    }
}
