package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.notification.digest.DailyDigest;
import cn.luoyang.pollution.notification.digest.OverdueCases;
import cn.luoyang.pollution.notification.digest.OverdueLedger;
import cn.luoyang.pollution.notification.digest.persistence.MongoDigestRuns;
import cn.luoyang.pollution.notification.digest.persistence.MongoOverdueCases;
import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import cn.luoyang.pollution.notification.templates.Language;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.UnitAlerts;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The overdue-case projection and the daily digest, looked at every {@code check-every} on its own thread. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigestProperties.class)
class DigestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DigestConfiguration.class);

    @Bean
    OverdueCases overdueCases(MongoTemplate mongo) {
        return new MongoOverdueCases(mongo);
    }

    @Bean
    OverdueLedger overdueLedger(OverdueCases cases, CaseFiles caseFiles) {
        return new OverdueLedger(cases, caseFiles);
    }

    @Bean
    DailyDigest dailyDigest(OverdueCases cases, Directory directory, Messages messages, ObjectProvider<UnitAlerts> units,
            MongoTemplate mongo, MessageTemplates templates, DigestProperties p, Clock clock,
            ObjectProvider<SendingLoop> loop) {
        Catalogue catalogue = Catalogue.defaults();
        return new DailyDigest(cases, directory, messages, units.getIfAvailable(() -> UnitAlerts.NONE),
                new MongoDigestRuns(mongo), templates,
                code -> catalogue.department(code)
                        .map(d -> templates.language() == Language.EN ? d.nameEn() : d.nameZh()).orElse(code),
                new DailyDigest.Settings(p.getAt(), ZoneId.of(p.getZone()), Math.max(1, p.getOldest())), clock,
                () -> loop.ifAvailable(SendingLoop::wake));
    }

    @Bean
    SmartLifecycle digestSchedule(DailyDigest digest, DigestProperties p) {
        return new SmartLifecycle() {
            private ScheduledExecutorService timer;

            @Override
            public void start() {
                if (!p.isEnabled()) {
                    return;
                }
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "daily-digest");
                    t.setDaemon(true);
                    return t;
                });
                long every = p.getCheckEvery().toMillis();
                timer.scheduleWithFixedDelay(() -> {
                    try {
                        digest.runIfDue().ifPresent(day -> log.info("daily digest of {} sent", day));
                    } catch (RuntimeException e) {
                        // the database is away: the next look tries again, the day stays due
                        log.warn("daily digest look failed: {}", e.toString());
                    }
                }, every, every, TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                if (timer != null) {
                    timer.shutdownNow();
                    timer = null;
                }
            }

            @Override
            public boolean isRunning() {
                return timer != null;
            }
        };
    }
}
