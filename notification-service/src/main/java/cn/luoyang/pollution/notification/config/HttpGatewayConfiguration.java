package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.notification.gateway.http.HttpGateway;
import cn.luoyang.pollution.notification.gateway.http.HttpGatewaySettings;
import cn.luoyang.pollution.kit.security.CallbackSignature;
import cn.luoyang.pollution.notification.gateway.http.persistence.SeenCallbacks;
import cn.luoyang.pollution.notification.gateway.http.web.CallbackVerifier;
import java.net.URI;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code notification.gateway=http}: the cloud API (its callbacks: {@code HttpGatewayCallbacks}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "notification.gateway", havingValue = "http")
@EnableConfigurationProperties(HttpGatewayProperties.class)
class HttpGatewayConfiguration {

    @Bean
    HttpGateway httpGateway(HttpGatewayProperties p) {
        return new HttpGateway(new HttpGatewaySettings(URI.create(p.getSendUrl()), p.getApiKey(), p.getSignName(),
                p.getTimeout()));
    }

    /** The provider's callbacks are signed; without the secret anyone could forge a reply, so the service does not start. */
    @Bean
    CallbackVerifier callbackVerifier(HttpGatewayProperties p, SeenCallbacks seen, Clock clock) {
        if (p.getCallbackSecret() == null || p.getCallbackSecret().isBlank()) {
            throw new IllegalStateException("notification.gateway=http needs notification.http.callback-secret"
                    + " (NOTIFICATION_HTTP_CALLBACK_SECRET): the secret the SMS provider signs its callbacks with");
        }
        return new CallbackVerifier(new CallbackSignature(p.getCallbackSecret()), p.getCallbackWindow(), seen, clock);
    }

    @Bean
    SeenCallbacks seenCallbacks(MongoTemplate mongo, HttpGatewayProperties p) {
        return new SeenCallbacks(mongo, p.getCallbackWindow().multipliedBy(2));
    }
}
