package cn.luoyang.pollution.complaint.monitoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.monitoring.CsvMonitors;
import cn.luoyang.pollution.complaint.monitoring.Frames;
import cn.luoyang.pollution.complaint.monitoring.Monitor;
import cn.luoyang.pollution.complaint.monitoring.Reading;
import cn.luoyang.pollution.complaint.monitoring.ReadingPublisher;
import cn.luoyang.pollution.complaint.monitoring.Receiver;
import cn.luoyang.pollution.testing.monitors.MonitorSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TCP adapter over real loopback connections: every kind of bad packet is refused with its counted
 * reason, answered where the standard says so, and the same connection then still takes a good packet.
 * (Publishing here is a recording stand-in; the Kafka path is {@code MonitoringReceiverTest}'s.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiverConnectionTest {

    private static final String GOOD_CP = "CP=&&DataTime=20261128140000;a34002-Rtd=88.5,a34002-Flag=N&&";
    private static final AtomicInteger QN = new AtomicInteger(1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Queue<Reading> published = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean brokerAway = new AtomicBoolean();
    private Hj212Server server;

    @BeforeAll
    void start() throws InterruptedException {
        CsvMonitors monitors = CsvMonitors.read(new StringReader(new MonitorSimulator(2, 1).registryCsv()));
        ReadingPublisher recording = (Reading reading, Monitor monitor) -> {
            if (brokerAway.get()) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker away"));
            }
            published.add(reading);
            return CompletableFuture.<Void>completedFuture(null);
        };
        server = new Hj212Server(new Hj212Server.Settings("127.0.0.1", 0, 1, Duration.ofMinutes(1), 10_009, 65_536, 100, 1_000),
                new Receiver(monitors), recording, new ReceiverMeters(registry));
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop();
    }

    static Stream<Arguments> badPackets() {
        String good = new String(Frames.of(segment("LY0001", "pw1", "2011", 5)), StandardCharsets.US_ASCII);
        String goodSegment = segment("LY0001", "pw1", "2011", 5);
        String crc = good.substring(good.length() - 6, good.length() - 2);
        return Stream.of(
                Arguments.of("bad-crc", good.replace(crc + "\r\n", (crc.equals("0000") ? "FFFF" : "0000") + "\r\n"), null),
                Arguments.of("bad-length", "##" + String.format("%04d", goodSegment.length() - 1) + good.substring(6), null),
                Arguments.of("bad-length", "##01x1" + good.substring(6), null),
                Arguments.of("truncated", good.substring(0, 60) + "\r\n", null),
                Arguments.of("truncated", "##01\r\n", null),
                Arguments.of("unknown-mn", frame(segment("LY9999", "pw1", "2011", 5)), "CN=9011;PW=pw1;MN=LY9999;Flag=4;CP=&&QnRtn=4&&"),
                Arguments.of("bad-password", frame(segment("LY0001", "pw2", "2011", 5)), "CN=9011;PW=pw2;MN=LY0001;Flag=4;CP=&&QnRtn=3&&"),
                Arguments.of("unsupported-command", frame(segment("LY0001", "pw1", "1062", 5)), "CN=9011;PW=pw1;MN=LY0001;Flag=4;CP=&&QnRtn=8&&"),
                Arguments.of("oversized", "##" + "9".repeat(20_000) + "\r\n", null),
                Arguments.of("non-ascii", good.replace("LY0001", "LY000\u5de5"), null),
                Arguments.of("bad-terminator", good.replace("\r\n", "\n"), null),
                Arguments.of("bad-segment", frame("ST=22;CN=2011;PW=pw1;MN=LY0001;Flag=5;" + GOOD_CP.replace("CP=", "XP=")), null),
                Arguments.of("bad-segment", frame("QN=1;ST=22;CN=2011;PW=pw1;MN=LY0001;Flag=5;CP=&&a34002-Rtd=88.5&&"), null));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("badPackets")
    void aBadPacketIsCountedWithItsReasonAndTheConnectionTakesTheNextPacket(String reason, String packet, String answer)
            throws IOException {
        double before = refused(reason);
        try (DeviceLine line = new DeviceLine(server.port())) {
            line.send(packet.getBytes(StandardCharsets.UTF_8));
            if (answer != null) {
                assertThat(line.answer()).contains(answer);
            }

            String qn = nextQn();
            line.send(frame("QN=" + qn + ";" + segment("LY0001", "pw1", "2011", 5)));

            assertThat(line.answer()).startsWith("##").contains("QN=" + qn + ";ST=91;CN=9014;PW=pw1;MN=LY0001;Flag=4;CP=&&&&");
            assertThat(refused(reason)).isEqualTo(before + 1);
        }
    }

    @Test
    void aDeviceThatAsksIsAnsweredWithAValidDataAnswerAndOneThatDoesNotIsNot() throws IOException {
        try (DeviceLine line = new DeviceLine(server.port())) {
            line.send(frame("QN=20261128140000123;" + segment("LY0002", "pw2", "2051", 4).replace("-Rtd=", "-Avg=")));
            assertThat(line.silentFor(300)).isTrue();

            line.send(frame("QN=20261128140000124;" + segment("LY0002", "pw2", "2061", 5).replace("-Rtd=", "-Avg=")));
            String answer = line.answer();
            assertThat(answer + "\r\n").isEqualTo(frame("QN=20261128140000124;ST=91;CN=9014;PW=pw2;MN=LY0002;Flag=4;CP=&&&&"));
        }
    }

    @Test
    void aReadingTheBrokerDidNotTakeIsNotAcknowledgedSoTheDeviceSendsItAgain() throws IOException {
        double unpublished = registry.counter("monitoring.readings.unpublished").count();
        brokerAway.set(true);
        try (DeviceLine line = new DeviceLine(server.port())) {
            line.send(frame("QN=20261128140000200;" + segment("LY0001", "pw1", "2011", 5)));
            assertThat(line.silentFor(300)).isTrue();
            assertThat(registry.counter("monitoring.readings.unpublished").count()).isEqualTo(unpublished + 1);

            brokerAway.set(false);
            line.send(frame("QN=20261128140000200;" + segment("LY0001", "pw1", "2011", 5)));
            assertThat(line.answer()).contains("QN=20261128140000200;ST=91;CN=9014");
        } finally {
            brokerAway.set(false);
        }
    }

    @Test
    void aStreamWithoutAnyLineEndIsAbuseAndItsConnectionIsClosed() throws IOException {
        double dropped = registry.counter("monitoring.connections.dropped", "reason", "unterminated").count();
        double truncated = refused("truncated");
        try (DeviceLine line = new DeviceLine(server.port())) {
            byte[] garbage = "#".repeat(16_384).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 5; i++) {
                    line.send(garbage);
                }
            } catch (IOException closedWhileSending) {
                // the receiver may close before the last bytes are written
            }
            assertThat(line.closedByReceiver()).isTrue();
        }
        assertThat(registry.counter("monitoring.connections.dropped", "reason", "unterminated").count()).isEqualTo(dropped + 1);
        assertThat(refused("truncated")).as("nothing after the abuse is counted").isEqualTo(truncated);
    }

    @Test
    void aPacketCutOffByTheConnectionEndingIsCountedTruncated() throws IOException, InterruptedException {
        double before = refused("truncated");
        try (DeviceLine line = new DeviceLine(server.port())) {
            line.send("##0101QN=2016080108");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (refused("truncated") == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(refused("truncated")).isEqualTo(before + 1);
    }

    private double refused(String reason) {
        return registry.counter("monitoring.packets.refused", "reason", reason).count();
    }

    private static String segment(String mn, String pw, String cn, int flag) {
        return "ST=22;CN=" + cn + ";PW=" + pw + ";MN=" + mn + ";Flag=" + flag + ";" + GOOD_CP;
    }

    private static String frame(String segment) {
        return new String(Frames.of(segment), StandardCharsets.US_ASCII);
    }

    private static String nextQn() {
        return String.format("20261128150000%03d", QN.getAndIncrement());
    }
}
