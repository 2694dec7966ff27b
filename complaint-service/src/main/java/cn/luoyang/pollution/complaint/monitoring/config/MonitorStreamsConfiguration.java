package cn.luoyang.pollution.complaint.monitoring.config;

import cn.luoyang.pollution.complaint.monitoring.streams.FaultRules;
import cn.luoyang.pollution.complaint.monitoring.streams.messaging.FaultTopology;
import cn.luoyang.pollution.complaint.monitoring.streams.messaging.MonitorStreams;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventProducerSettings;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Wires the fault stream processor (Kafka Streams) when {@code complaints.monitoring.streams.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "complaints.monitoring.streams.enabled", havingValue = "true")
@EnableConfigurationProperties({MonitorStreamsProperties.class, MonitoringProperties.class})
class MonitorStreamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MonitorStreamsConfiguration.class);

    @Bean
    FaultRules faultRules(MonitorStreamsProperties p, ResourceLoader resources) throws IOException {
        try (Reader csv = new InputStreamReader(resources.getResource(p.rules()).getInputStream(), StandardCharsets.UTF_8)) {
            FaultRules rules = FaultRules.read(csv);
            log.info("fault rules {}: {} exceedance, offline {}", p.rules(), rules.exceedance().size(),
                    rules.offline().map(r -> "after " + r.window()).orElse("not watched"));
            return rules;
        }
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    MonitorStreams monitorStreams(EventProducerSettings kafka, MonitorStreamsProperties p, MonitoringProperties topics,
                                  FaultRules rules, EventPublisher events, EventCodec codec)
            throws InterruptedException, ExecutionException {
        MonitoringConfiguration.createTopics(kafka, topics, List.of(Topics.MONITORING_READINGS, Topics.MONITORING_FAULTS));
        Properties config = new Properties();
        config.putAll(kafka.connection()); // the brokers, and TLS where the cluster has it
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, p.applicationId());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), p.instanceId());
        config.put(StreamsConfig.STATE_DIR_CONFIG, p.stateDir());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, p.processingGuarantee());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, p.commitInterval().toMillis());
        if (topics.topicReplication() > 0) {
            config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.topicReplication());
        }
        return new MonitorStreams(() -> FaultTopology.build(rules, p.grace(), p.sweepEvery(), events, codec.json()), config);
    }
}
