package cn.luoyang.pollution.kit;

import cn.luoyang.pollution.kit.events.DeadLetters;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.health.MongoPingHealthIndicator;
import cn.luoyang.pollution.kit.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What every service gets by depending on service-kit. */
@AutoConfiguration
public class KitAutoConfiguration {

    /** The city's clock; tests replace it to move time. Deadlines and quiet hours are in Beijing time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(StreamBridge bridge, EventCodec codec,
            @Value("${spring.application.name:unknown}") String application) {
        return new EventPublisher(bridge, codec, "/luoyang/" + application);
    }

    /** How stores write outbox entries into their documents; each service builds its {@code OutboxRelay}s on it. */
    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(EventCodec codec) {
        return new Outbox(codec);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(StreamBridge bridge, MeterRegistry meters) {
        return new DeadLetters(bridge, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    EventConsumers eventConsumers(EventCodec codec, DeadLetters deadLetters) {
        return new EventConsumers(codec, deadLetters);
    }

    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
