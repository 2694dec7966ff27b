package cn.luoyang.pollution.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.mock.env.MockEnvironment;

/** The publisher's producer is configured from the binder's keys, as the binder's own producers were. */
class EventProducerSettingsTest {

    @Test
    void theProducerTakesTheBindersBrokersAcksProducerPropertiesAndSecurityConfiguration() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "kafka-1:9093,kafka-2:9093")
                .withProperty("spring.cloud.stream.kafka.binder.required-acks", "all")
                .withProperty("spring.cloud.stream.kafka.binder.producer-properties.enable.idempotence", "true")
                .withProperty("spring.cloud.stream.kafka.binder.producer-properties.linger.ms", "0")
                .withProperty("spring.cloud.stream.kafka.binder.producer-properties.compression.type", "lz4")
                .withProperty("spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms", "30000")
                // the Kubernetes manifests set these as SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION_*
                .withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "SSL")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.ssl.keystore.type", "PKCS12")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.ssl.keystore.password", "secret")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.sasl.mechanism", "SCRAM-SHA-512")
                // consumer-only keys of the binder's common configuration stay with the consumers
                .withProperty("spring.cloud.stream.kafka.binder.configuration.max.poll.records", "100");

        EventProducerSettings settings = new EventProducerSettings(environment, new KafkaProperties(),
                new DefaultListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class));

        assertThat(settings.producer())
                .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("linger.ms", "0")
                .containsEntry("compression.type", "lz4")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.type", "PKCS12")
                .containsEntry("ssl.keystore.password", "secret")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKey("max.poll.records");
        assertThat(settings.acknowledgement()).isEqualTo(Duration.ofSeconds(35));
        // what the services' other clients (monitoring's producer, admin and Kafka Streams) connect with
        assertThat(settings.connection())
                .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.type", "PKCS12")
                .containsEntry("ssl.keystore.password", "secret")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKeys("max.poll.records", "acks", "enable.idempotence");
    }
}
