package cn.luoyang.pollution.notification.config;

import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.smpp.SmppGateway;
import cn.luoyang.pollution.notification.gateway.smpp.SmppSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code notification.gateway=smpp}: one transceiver bind to the SMSC, opened in the background at start. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "notification.gateway", havingValue = "smpp")
@EnableConfigurationProperties(SmppProperties.class)
class SmppGatewayConfiguration {

    @Bean(destroyMethod = "close")
    SmppGateway smppGateway(SmppProperties p, GatewayInbox inbox, Clock clock) {
        return new SmppGateway(new SmppSettings(p.getHost(), p.getPort(), p.getSystemId(), p.getPassword(),
                p.getSystemType(), p.getSourceAddress(), p.getEnquireLink(), p.getResponseTimeout(),
                p.getReconnectDelay()), inbox, clock).start();
    }
}
