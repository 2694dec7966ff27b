package cn.luoyang.pollution.complaint.monitoring.streams;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.monitoring.streams.messaging.FaultTopology;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.monitoring.FactorReading;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultCleared;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault rules over readings, in Kafka Streams' {@link TopologyTestDriver}: event time is the readings'
 * DataTime, wall-clock time (for silence) is the driver's. 09:00 Beijing time is 01:00Z.
 */
class FaultTopologyTest {

    static final String RULES = """
            rule,kind,factor,interval,window,limit,consecutive,hours,clear
            pm10-hourly,EXCEEDANCE,a34002,minute,PT1H,150,2,06-22,2
            noise-night,EXCEEDANCE,LA,minute,PT1H,55,1,22-06,1
            offline,OFFLINE,,,PT30M,,,,
            """;
    static final String MN = "410305LY0001SITE0117";
    static final Instant NINE = Instant.parse("2026-11-28T01:00:00Z");
    static final Instant WALL = Instant.parse("2026-11-28T03:30:00Z");
    static final EventCodec CODEC = new EventCodec();

    @TempDir
    Path state;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> readings;
    TestOutputTopic<String, byte[]> faults;

    void start(Instant wallClock) {
        try {
            FaultRules rules = FaultRules.read(new StringReader(RULES));
            Properties config = new Properties();
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, "fault-topology-test");
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(state, "run").toString());
            driver = new TopologyTestDriver(FaultTopology.build(rules, Duration.ofMinutes(10), Duration.ofMinutes(1),
                    new EventPublisher(null, CODEC, "complaint-service"), CODEC.json()), config, wallClock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        readings = driver.createInputTopic(Topics.MONITORING_READINGS, new StringSerializer(), new ByteArraySerializer());
        faults = driver.createOutputTopic(Topics.MONITORING_FAULTS, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void twoHoursOverTheLimitAreOneFaultWithTheirAveragesAndAThirdAddsNone() {
        start(WALL);
        everyTenMinutes(NINE, 3, "a34002", 200);
        tick(NINE.plus(Duration.ofHours(3)).plusSeconds(660));

        List<Event> out = faults();
        assertThat(out).hasSize(1);
        MonitorFaultDetected fault = (MonitorFaultDetected) out.get(0);
        assertThat(fault.kind()).isEqualTo(FaultKind.EXCEEDANCE);
        assertThat(fault.mn()).isEqualTo(MN);
        assertThat(fault.rule()).isEqualTo("pm10-hourly");
        assertThat(fault.limit()).isEqualTo(150.0);
        assertThat(fault.windowStart()).isEqualTo(NINE);
        assertThat(fault.windowEnd()).isEqualTo(NINE.plus(Duration.ofHours(2)));
        assertThat(fault.windows()).extracting(w -> w.average()).containsExactly(200.0, 200.0);
        assertThat(fault.windows()).extracting(w -> w.count()).containsExactly(6L, 6L);
        assertThat(fault.sourceId()).isEqualTo("SITE-410305-0117");
    }

    @Test
    void oneHourOverTheLimitIsNoFault() {
        start(WALL);
        everyTenMinutes(NINE, 1, "a34002", 400);
        everyTenMinutes(NINE.plus(Duration.ofHours(1)), 1, "a34002", 80);
        tick(NINE.plus(Duration.ofHours(2)).plusSeconds(660));

        assertThat(faults()).isEmpty();
    }

    @Test
    void aLateReadingWithinTheGraceCountsInItsWindow() {
        start(WALL);
        everyTenMinutes(NINE, 1, "a34002", 120);
        reading(NINE.plusSeconds(3900), "a34002", 200);
        // stream time is 10:05 Beijing, past the first window's end (10:00); its grace runs until 10:10
        reading(NINE.plusSeconds(3540), "a34002", 480);
        everyTenMinutes(NINE.plus(Duration.ofHours(1)), 1, "a34002", 200);
        tick(NINE.plus(Duration.ofHours(2)).plusSeconds(660));

        List<Event> out = faults();
        assertThat(out).hasSize(1);
        assertThat(((MonitorFaultDetected) out.get(0)).windows().get(0).average()).isEqualTo((120.0 * 6 + 480) / 7);
        assertThat(((MonitorFaultDetected) out.get(0)).windows().get(1).count()).isEqualTo(7);
    }

    @Test
    void aReadingLaterThanTheGraceIsLeftOut() {
        start(WALL);
        everyTenMinutes(NINE, 1, "a34002", 120);
        everyTenMinutes(NINE.plus(Duration.ofHours(1)), 1, "a34002", 200);
        tick(NINE.plus(Duration.ofHours(2)).plusSeconds(660));
        // too late: the first window closed at 10:10 Beijing, stream time is past 11:10
        reading(NINE.plusSeconds(3540), "a34002", 4800);
        tick(NINE.plus(Duration.ofHours(3)).plusSeconds(660));

        assertThat(faults()).isEmpty();
    }

    @Test
    void theRulesHoursOfDayDecideWhichWindowsCount() {
        start(WALL);
        Instant elevenPm = Instant.parse("2026-11-28T15:00:00Z");
        // 23:00–01:00 Beijing: PM10 over its limit outside its 06–22 hours, noise over its night limit
        for (int minute = 0; minute < 120; minute += 10) {
            readings.pipeInput(MN, CODEC.encode(reading(elevenPm.plusSeconds(60L * minute),
                    List.of(value("a34002", 400), value("LA", 61)))));
        }
        tick(elevenPm.plus(Duration.ofHours(2)).plusSeconds(660));

        List<Event> out = faults();
        assertThat(out).hasSize(1);
        MonitorFaultDetected fault = (MonitorFaultDetected) out.get(0);
        assertThat(fault.rule()).isEqualTo("noise-night");
        assertThat(fault.windows()).extracting(w -> w.start()).containsExactly(elevenPm);
    }

    @Test
    void aFaultClearsAfterItsCleanWindows() {
        start(WALL);
        everyTenMinutes(NINE, 2, "a34002", 200);
        everyTenMinutes(NINE.plus(Duration.ofHours(2)), 2, "a34002", 90);
        tick(NINE.plus(Duration.ofHours(4)).plusSeconds(660));

        List<Event> out = faults();
        assertThat(out).hasSize(2);
        MonitorFaultCleared cleared = (MonitorFaultCleared) out.get(1);
        assertThat(cleared.kind()).isEqualTo(FaultKind.EXCEEDANCE);
        assertThat(cleared.windowStart()).isEqualTo(NINE.plus(Duration.ofHours(2)));
        assertThat(cleared.windowEnd()).isEqualTo(NINE.plus(Duration.ofHours(4)));
        assertThat(cleared.windows()).extracting(w -> w.average()).containsExactly(90.0, 90.0);
    }

    @Test
    void aSilentMonitorIsOfflineOnceAndItsNextReadingClearsIt() {
        start(WALL);
        reading(NINE, "a34002", 60);
        driver.advanceWallClockTime(Duration.ofMinutes(30));
        assertThat(faults()).as("30 minutes of silence are allowed").isEmpty();

        driver.advanceWallClockTime(Duration.ofMinutes(2));
        driver.advanceWallClockTime(Duration.ofMinutes(30));
        List<Event> out = faults();
        assertThat(out).hasSize(1);
        MonitorFaultDetected offline = (MonitorFaultDetected) out.get(0);
        assertThat(offline.kind()).isEqualTo(FaultKind.OFFLINE);
        assertThat(offline.rule()).isEqualTo("offline");
        assertThat(offline.lastReadingAt()).isEqualTo(NINE);
        assertThat(offline.windows()).isEmpty();

        reading(NINE.plus(Duration.ofHours(1)), "a34002", 60);
        List<Event> back = faults();
        assertThat(back).hasSize(1);
        assertThat(back.get(0)).isInstanceOf(MonitorFaultCleared.class);
        assertThat(((MonitorFaultCleared) back.get(0)).kind()).isEqualTo(FaultKind.OFFLINE);
    }

    @Test
    void theSameWindowProcessedAgainGivesTheSameEventId() {
        start(WALL);
        everyTenMinutes(NINE, 2, "a34002", 200);
        tick(NINE.plus(Duration.ofHours(2)).plusSeconds(660));
        String first = faults().get(0).eventId();
        driver.close();

        start(WALL.plus(Duration.ofDays(1)));
        everyTenMinutes(NINE, 2, "a34002", 200);
        tick(NINE.plus(Duration.ofHours(2)).plusSeconds(660));
        assertThat(faults().get(0).eventId()).isEqualTo(first);
    }

    private void everyTenMinutes(Instant from, int hours, String factor, double value) {
        for (int minute = 0; minute < 60 * hours; minute += 10) {
            reading(from.plusSeconds(60L * minute), factor, value);
        }
    }

    /** A reading of another factor that only moves stream time on. */
    private void tick(Instant at) {
        reading(at, "a34004", 10);
    }

    private void reading(Instant at, String factor, double value) {
        readings.pipeInput(MN, CODEC.encode(reading(at, List.of(value(factor, value)))));
    }

    private static FactorReading value(String factor, double avg) {
        return new FactorReading(factor, null, avg, null, null, "N");
    }

    private static MonitorReadingReceived reading(Instant at, List<FactorReading> values) {
        return new MonitorReadingReceived("r-" + at, MN, "SITE-410305-0117", "URBAN_MANAGEMENT@410305", "minute", at,
                values, at.plusSeconds(2), MonitorReadingReceived.VERSION);
    }

    private List<Event> faults() {
        return faults.readRecordsToList().stream().map(FaultTopologyTest::decode).toList();
    }

    private static Event decode(TestRecord<String, byte[]> record) {
        assertThat(record.key()).isEqualTo(MN);
        String type = new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
        return CODEC.decode(type, record.value());
    }
}
