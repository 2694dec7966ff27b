package cn.luoyang.pollution.complaint.monitoring.streams.messaging;

import java.time.Duration;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/** Runs the fault topology in this process: started and stopped with the service (and by a test, to restart it). */
public final class MonitorStreams {

    private final Supplier<Topology> topology;
    private final Properties config;
    private KafkaStreams streams;

    public MonitorStreams(Supplier<Topology> topology, Properties config) {
        this.topology = topology;
        this.config = config;
    }

    public synchronized void start() {
        if (streams == null) {
            streams = new KafkaStreams(topology.get(), config);
            streams.start();
        }
    }

    /**
     * Closes without leaving the group: the instance is a static member, so a start within the session timeout
     * takes its tasks back without a rebalance; longer away, the group gives them to the other instances.
     */
    public synchronized void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
            streams = null;
        }
    }

    /** Stops and deletes this instance's local state, so that the next start restores it from the changelogs. */
    public synchronized void stopAndWipeLocalState() {
        KafkaStreams running = streams;
        stop();
        if (running != null) {
            running.cleanUp();
        }
    }

    public synchronized KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
    }
}
