package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.notification.gateway.http.HttpGateway;
import cn.luoyang.pollution.notification.gateway.http.HttpGatewaySettings;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code notification.gateway=http}: the cloud API (its callbacks: {@code HttpGatewayCallbacks}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "notification.gateway", havingValue = "http")
@EnableConfigurationProperties(HttpGatewayProperties.class)
class HttpGatewayConfiguration {

    @Bean
    HttpGateway httpGateway(HttpGatewayProperties p) {
        return new HttpGateway(new HttpGatewaySettings(URI.create(p.getSendUrl()), p.getApiKey(), p.getSignName(),
                p.getTimeout(), p.getCallbackToken()));
    }
}
