package cn.luoyang.pollution.complaint.monitoring.streams.messaging;

import cn.luoyang.pollution.complaint.monitoring.streams.FaultRule;
import cn.luoyang.pollution.complaint.monitoring.streams.FaultRules;
import cn.luoyang.pollution.complaint.monitoring.streams.LastSeen;
import cn.luoyang.pollution.complaint.monitoring.streams.Sample;
import cn.luoyang.pollution.complaint.monitoring.streams.Samples;
import cn.luoyang.pollution.complaint.monitoring.streams.Streak;
import cn.luoyang.pollution.complaint.monitoring.streams.WindowSum;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exceedance and silence as stream processing over {@code monitoring.readings} (event time: the reading's
 * DataTime). Per exceedance rule: the monitor's samples in tumbling windows (every reading
 * enters them, with or without a sample of the rule's factor, so that any reading on the partition moves their
 * event time on and closes windows) of the rule's size with {@code grace}
 * for late readings, each window's final average once it closes, and a {@link Streak} per monitor. For the
 * OFFLINE rule: the last-seen store and a wall-clock sweep. All state is in changelogged stores; everything
 * stays keyed by MN, so there is no repartition. Faults and clearances go to {@code monitoring.faults}.
 */
public final class FaultTopology {

    public static Topology build(FaultRules rules, Duration grace, Duration sweepEvery, EventPublisher events,
                                 JsonMapper json) {
        StreamsBuilder builder = new StreamsBuilder();
        FaultRecords records = new FaultRecords(events);
        Produced<String, byte[]> faults = Produced.with(Serdes.String(), Serdes.ByteArray());
        KStream<String, MonitorReadingReceived> readings = builder
                .stream(Topics.MONITORING_READINGS, Consumed.with(Serdes.String(), JsonSerde.of(json, MonitorReadingReceived.class))
                        .withTimestampExtractor(new DataTimeExtractor()).withName("readings"))
                .filter((mn, reading) -> mn != null && reading != null && reading.dataTime() != null, Named.as("readable"));

        Serde<WindowSum> sums = JsonSerde.of(json, WindowSum.class);
        for (FaultRule rule : rules.exceedance()) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ExceedanceProcessor.storeOf(rule)),
                    Serdes.String(), JsonSerde.of(json, Streak.class)));
            readings.mapValues(reading -> new Samples(Sample.of(reading, rule)), Named.as("samples-" + rule.id()))
                    .groupByKey(Grouped.with("samples-" + rule.id(), Serdes.String(), JsonSerde.of(json, Samples.class)))
                    .windowedBy(TimeWindows.ofSizeAndGrace(rule.window(), grace))
                    .aggregate(WindowSum::empty, (mn, samples, sum) -> sum.add(samples), Named.as("average-" + rule.id()),
                            Materialized.<String, WindowSum, WindowStore<Bytes, byte[]>>as("windows-" + rule.id())
                                    .withKeySerde(Serdes.String()).withValueSerde(sums))
                    .suppress(Suppressed.<org.apache.kafka.streams.kstream.Windowed<String>>untilWindowCloses(
                            Suppressed.BufferConfig.unbounded()).withName("closed-" + rule.id()))
                    .toStream(Named.as("closed-windows-" + rule.id()))
                    .process(() -> new ExceedanceProcessor(rule, records), Named.as("exceedance-" + rule.id()),
                            ExceedanceProcessor.storeOf(rule))
                    .to(Topics.MONITORING_FAULTS, faults);
        }
        rules.offline().ifPresent(rule -> {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SilenceProcessor.STORE),
                    Serdes.String(), JsonSerde.of(json, LastSeen.class)));
            readings.process(() -> new SilenceProcessor(rule, sweepEvery, records), Named.as("silence"), SilenceProcessor.STORE)
                    .to(Topics.MONITORING_FAULTS, faults);
        });
        return builder.build();
    }

    private FaultTopology() {
    }
}
