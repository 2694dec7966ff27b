package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.notification.sending.Backoff;
import cn.luoyang.pollution.notification.units.UnitNotices;
import cn.luoyang.pollution.notification.units.http.JdkUnitWebhook;
import cn.luoyang.pollution.notification.units.persistence.MongoUnitAlerts;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Unit webhooks: stored alerts, delivered by the dispatch loop's sweep. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UnitProperties.class)
class UnitConfiguration {

    @Bean
    UnitNotices unitNotices(MongoTemplate mongo, UnitProperties p, Clock clock) {
        return new UnitNotices(new MongoUnitAlerts(mongo), new JdkUnitWebhook(p.getTimeout()), department -> {
            String url = department == null ? null : p.getWebhooks().entrySet().stream()
                    .filter(e -> normalised(e.getKey()).equals(normalised(department)))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
            if (url == null || url.isBlank()) {
                url = p.getDefaultWebhook();
            }
            return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
        }, new Backoff(p.getRetryInitial(), p.getRetryMax()), p.getMaxAttempts(), clock);
    }

    /** Boot drops '_' from unbracketed map keys (ECOLOGY_ENVIRONMENT binds as ECOLOGYENVIRONMENT): compare without it. */
    private static String normalised(String code) {
        return code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
