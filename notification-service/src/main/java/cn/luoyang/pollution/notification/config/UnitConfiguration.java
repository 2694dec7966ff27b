package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.kit.security.CallbackSignature;
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

/** Unit webhooks: stored alerts, delivered by the sending loop's sweep. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UnitProperties.class)
class UnitConfiguration {

    /** A unit must be able to tell our webhook from a forgery: with webhooks configured, a signing secret is required. */
    @Bean
    UnitNotices unitNotices(MongoTemplate mongo, UnitProperties p, Clock clock) {
        boolean anyWebhook = !p.getWebhooks().isEmpty() || !p.getDefaultWebhook().isBlank();
        if (anyWebhook && p.getSigningSecret().isBlank()) {
            throw new IllegalStateException("notification.units.webhooks are set but notification.units.signing-secret"
                    + " (NOTIFICATION_UNITS_SIGNING_SECRET) is not: units could not tell our calls from forgeries");
        }
        JdkUnitWebhook webhook = new JdkUnitWebhook(p.getTimeout(),
                anyWebhook ? new CallbackSignature(p.getSigningSecret()) : null, clock);
        return new UnitNotices(new MongoUnitAlerts(mongo), webhook, unit -> {
            // the unit's own webhook (DEPT@territory), else its department's, else the default
            String url = unit == null ? null : webhookOf(p, unit);
            if (url == null && unit != null && unit.contains("@")) {
                url = webhookOf(p, unit.substring(0, unit.indexOf('@')));
            }
            if (url == null || url.isBlank()) {
                url = p.getDefaultWebhook();
            }
            return url == null || url.isBlank() ? Optional.empty() : Optional.of(url);
        }, new Backoff(p.getRetryInitial(), p.getRetryMax()), p.getMaxAttempts(), clock);
    }

    private static String webhookOf(UnitProperties p, String key) {
        return p.getWebhooks().entrySet().stream().filter(e -> normalised(e.getKey()).equals(normalised(key)))
                .map(java.util.Map.Entry::getValue).filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    /** Boot drops '_' from unbracketed map keys (ECOLOGY_ENVIRONMENT binds as ECOLOGYENVIRONMENT): compare without it. */
    private static String normalised(String code) {
        return code.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
