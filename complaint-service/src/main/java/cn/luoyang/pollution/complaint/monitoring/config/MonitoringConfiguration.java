package cn.luoyang.pollution.complaint.monitoring.config;

import cn.luoyang.pollution.complaint.monitoring.CsvMonitors;
import cn.luoyang.pollution.complaint.monitoring.Receiver;
import cn.luoyang.pollution.complaint.monitoring.messaging.Hj212Server;
import cn.luoyang.pollution.complaint.monitoring.messaging.KafkaReadings;
import cn.luoyang.pollution.complaint.monitoring.messaging.ReceiverMeters;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.kit.events.EventProducerSettings;
import cn.luoyang.pollution.kit.events.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Wires the HJ 212 receiver (TCP in, Kafka out) when {@code complaints.monitoring.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.monitoring.enabled", havingValue = "true")
@EnableConfigurationProperties(MonitoringProperties.class)
class MonitoringConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MonitoringConfiguration.class);

    @Bean
    CsvMonitors monitorRegistry(MonitoringProperties p, ResourceLoader resources) throws IOException {
        try (Reader csv = new InputStreamReader(resources.getResource(p.registry()).getInputStream(), StandardCharsets.UTF_8)) {
            CsvMonitors monitors = CsvMonitors.read(csv);
            log.info("monitor registry {}: {} monitors", p.registry(), monitors.size());
            return monitors;
        }
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> readingsProducer(EventProducerSettings kafka, MonitoringProperties p)
            throws InterruptedException, ExecutionException {
        createTopics(kafka, p, List.of(Topics.MONITORING_READINGS));
        Map<String, Object> config = new HashMap<>(kafka.connection()); // the brokers, and TLS where the cluster has it
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // telemetry: a few ms of batching buys throughput; the device waits for its answer anyway
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // never hold an I/O thread long when the broker is away: the send fails, the device resends
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.CLIENT_ID_CONFIG, "complaint-service-monitoring"));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Creates the monitoring topics that do not exist yet, with the configured partitions and replication. */
    static void createTopics(EventProducerSettings kafka, MonitoringProperties p, List<String> names)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(kafka.connection())) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, p.topicPartitions(), p.topicReplication()))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Bean
    ReceiverMeters receiverMeters(MeterRegistry registry) {
        return new ReceiverMeters(registry);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    Hj212Server hj212Server(MonitoringProperties p, CsvMonitors monitors, Producer<String, byte[]> producer,
                            EventPublisher events, Clock clock, ReceiverMeters meters) {
        return new Hj212Server(
                new Hj212Server.Settings(p.host(), p.port(), p.ioThreads(), p.idleTimeout(), p.maxFrameBytes(),
                        p.abuseBytes(), p.maxConnections(), p.maxInFlight()),
                new Receiver(monitors), new KafkaReadings(producer, events, Topics.MONITORING_READINGS, clock), meters);
    }
}
