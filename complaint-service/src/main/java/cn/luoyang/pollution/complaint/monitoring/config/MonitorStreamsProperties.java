package cn.luoyang.pollution.complaint.monitoring.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.monitoring.streams.*}: the fault stream processor, off unless {@code enabled}; defaults in
 * application.yml.
 *
 * @param rules               the fault rules CSV (a Spring resource location)
 * @param applicationId       Kafka Streams' application id: consumer group, and prefix of its internal topics
 * @param instanceId          this instance's static group membership ({@code group.instance.id}), unique per running
 *                            instance: a restart within the session timeout takes its tasks back without a rebalance
 * @param stateDir            where the local state stores live (restored from their changelogs when lost)
 * @param grace               how late a reading may arrive (by DataTime) and still count in its window
 * @param sweepEvery          how often silent monitors are looked for (wall-clock time)
 * @param processingGuarantee {@code exactly_once_v2} (needs transactions on the broker) or {@code at_least_once}
 * @param commitInterval      how often the processor commits (and so publishes, under exactly-once)
 */
@ConfigurationProperties("complaints.monitoring.streams")
public record MonitorStreamsProperties(boolean enabled, String rules, String applicationId, String instanceId,
                                       String stateDir,
                                       Duration grace, Duration sweepEvery, String processingGuarantee,
                                       Duration commitInterval) {
}
