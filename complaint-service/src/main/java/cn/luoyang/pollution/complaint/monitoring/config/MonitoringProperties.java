package cn.luoyang.pollution.complaint.monitoring.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaints.monitoring.*}: the HJ 212 receiver, off unless {@code enabled}; defaults in application.yml.
 *
 * @param registry          the monitor registry CSV (a Spring resource location: {@code file:...} or {@code classpath:...})
 * @param maxFrameBytes     the largest packet taken (the standard's largest is 10009 bytes without CR LF)
 * @param abuseBytes        bytes without any line end after which the connection is closed
 * @param maxInFlight       readings waiting for the broker before more are refused as overloaded
 * @param topicPartitions   partitions of {@code monitoring.readings} when the receiver creates it
 * @param topicReplication  its replication factor then
 */
@ConfigurationProperties("complaints.monitoring")
public record MonitoringProperties(boolean enabled, String host, int port, int ioThreads, Duration idleTimeout,
                                   int maxFrameBytes, long abuseBytes, int maxConnections, int maxInFlight,
                                   String registry, int topicPartitions, short topicReplication) {
}
