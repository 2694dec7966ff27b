package cn.luoyang.pollution.kit;

import cn.luoyang.pollution.kit.events.DeadLetters;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.EventProducerSettings;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.health.MongoPingHealthIndicator;
import cn.luoyang.pollution.kit.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

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

    /**
     * The one publisher of every service: Spring for Apache Kafka's template over a producer with the
     * binder's settings ({@link EventProducerSettings}), with the Kafka client's meters as the binder's
     * producers had them; closed with the context.
     */
    @Bean
    @ConditionalOnMissingBean
    EventProducerSettings eventProducerSettings(Environment environment, ObjectProvider<KafkaProperties> boot,
            ObjectProvider<KafkaConnectionDetails> connection) {
        return new EventProducerSettings(environment, boot.getIfAvailable(KafkaProperties::new), connection);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(EventProducerSettings settings, ObjectProvider<MeterRegistry> meters,
            ApplicationContext context, EventCodec codec, @Value("${spring.application.name:unknown}") String application) {
        DefaultKafkaProducerFactory<byte[], byte[]> producers = new DefaultKafkaProducerFactory<>(settings.producer());
        meters.ifAvailable(registry -> producers.addListener(new MicrometerProducerListener<>(registry)));
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(producers);
        if (settings.observed()) {
            template.setApplicationContext(context);
            template.setObservationEnabled(true);
            template.afterSingletonsInstantiated();
        }
        return new EventPublisher(template, codec, "/luoyang/" + application, settings.provisioning(),
                settings.acknowledgement());
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
