package cn.luoyang.pollution.kit.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaProducerProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.AdminClientConfigCustomizer;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.cloud.stream.binder.kafka.utils.BindingUtils;
import org.springframework.core.env.Environment;

/**
 * The producer {@link EventPublisher} sends with, configured from the same keys as Spring Cloud
 * Stream's Kafka binder, so one configuration serves the consumers (still the binder's) and the
 * publisher: {@code spring.cloud.stream.kafka.binder.brokers}, {@code required-acks},
 * {@code configuration} (security: {@code security.protocol}, {@code ssl.*}, {@code sasl.*}),
 * {@code producer-properties} (idempotence, linger, compression, client id …) and the Kafka
 * binding defaults ({@code spring.cloud.stream.kafka.default.producer}: batch size, batch timeout,
 * compression), merged by the binder's own {@link BindingUtils#createProducerConfigs}; topics are
 * created on first use by the binder's own provisioner while {@code auto-create-topics} is on
 * ({@code min-partition-count}, {@code replication-factor}).
 */
public final class EventProducerSettings {

    /** What Spring Integration's synchronous send waited beyond the producer's delivery timeout. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final Map<String, Object> producer;
    private final Map<String, Object> client = new HashMap<>();
    private final KafkaTopicProvisioner provisioner;
    private final ExtendedProducerProperties<KafkaProducerProperties> binding;
    private final boolean observed;

    public EventProducerSettings(Environment environment, KafkaProperties boot,
            ObjectProvider<KafkaConnectionDetails> connection) {
        // bound into instances, as the binder's @ConfigurationProperties are: keys not set keep the binder's defaults
        Binder binder = Binder.get(environment);
        KafkaBinderConfigurationProperties kafka = new KafkaBinderConfigurationProperties(boot, connection);
        binder.bind("spring.cloud.stream.kafka.binder", Bindable.ofInstance(kafka));
        KafkaProducerProperties defaults = new KafkaProducerProperties();
        binder.bind("spring.cloud.stream.kafka.default.producer", Bindable.ofInstance(defaults));
        binding = new ExtendedProducerProperties<>(defaults);
        binder.bind("spring.cloud.stream.default.producer", Bindable.ofInstance(binding));
        binding.setExtension(defaults);
        producer = BindingUtils.createProducerConfigs(binding, kafka);
        kafka.getConfiguration().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                client.put(key, value);
            }
        });
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.getKafkaConnectionString());
        provisioner = new KafkaTopicProvisioner(kafka, boot, connection.getIfAvailable(), List.<AdminClientConfigCustomizer>of());
        provisioner.afterPropertiesSet();
        observed = kafka.isEnableObservation();
    }

    /** The Kafka producer's configuration, as the binder would have built it for an output binding. */
    public Map<String, Object> producer() {
        return producer;
    }

    /**
     * What any other Kafka client of a service (an admin client, a Kafka Streams application, a producer of its own)
     * needs to reach the cluster as the binder does: the brokers and the binder's {@code configuration} keys every
     * client understands (TLS and SASL in Kubernetes), without the consumer- or producer-only ones.
     */
    public Map<String, Object> connection() {
        return Map.copyOf(client);
    }

    /** Creates the topic as the binder would before its first record (nothing when auto-create-topics is off). */
    public Consumer<String> provisioning() {
        return topic -> provisioner.provisionProducerDestination(topic, binding);
    }

    /** The producer's {@code delivery.timeout.ms} and a margin: after that a send has failed for sure. */
    public Duration acknowledgement() {
        Object configured = producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        if (configured == null) {
            configured = ProducerConfig.configDef().defaultValues().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        }
        return Duration.ofMillis(Long.parseLong(configured.toString())).plus(MARGIN);
    }

    /** Whether the binder's producers were observed (tracing): {@code spring.cloud.stream.kafka.binder.enable-observation}. */
    public boolean observed() {
        return observed;
    }
}
