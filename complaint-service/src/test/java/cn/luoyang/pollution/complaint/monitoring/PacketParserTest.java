package cn.luoyang.pollution.complaint.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The parser and CRC against the examples the standard itself gives. */
class PacketParserTest {

    /**
     * HJ 212-2017, annex A (CRC 校验算法), its example: the check of this data segment is 1C80. The text is the
     * standard's, as reproduced by public HJ 212 implementations (found with the search tool's code corpus).
     */
    static final String ANNEX_A_SEGMENT =
            "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";
    static final String ANNEX_A_FRAME = "##0101" + ANNEX_A_SEGMENT + "1C80\r\n";

    /**
     * HJ 212-2017's example of a real-time data upload (CN 2011, ST 22) with dust, noise and weather factors, as
     * reproduced by public HJ 212 implementations; the standard prints no CRC for it, so its frame is built here.
     */
    static final String REAL_TIME_SEGMENT = "QN=20160801085000001;ST=22;CN=2011;PW=123456;MN=010000A8900016F000169DC0;"
            + "Flag=7;CP=&&DataTime=20160801084000;a21005-Rtd=1.1,a21005-Flag=N;a21004-Rtd=112,a21004-Flag=N;"
            + "a21026-Rtd=58,a21026-Flag=N;a21030-Rtd=64,a21030-Flag=N;LA-Rtd=50.1,LA-Flag=N;a34004-Rtd=207,"
            + "a34004-Flag=N;a34002-Rtd=295,a34002-Flag=N;a01001-Rtd=12.6,a01001-Flag=N;a01002-Rtd=32,a01002-Flag=N;"
            + "a01006-Rtd=101.02,a01006-Flag=N;a01007-Rtd=2.1,a01007-Flag=N;a01008-Rtd=120,a01008-Flag=N;"
            + "a34001-Rtd=217,a34001-Flag=N;&&";

    private final PacketParser parser = new PacketParser();
    private final ReadingDecoder decoder = new ReadingDecoder();

    @Test
    void theCrcOfTheStandardsExampleIs1C80() {
        byte[] segment = ANNEX_A_SEGMENT.getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.hex(segment, 0, segment.length)).isEqualTo("1C80");
    }

    @Test
    void framingTheStandardsExampleSegmentGivesTheStandardsPacket() {
        assertThat(new String(Frames.of(ANNEX_A_SEGMENT), StandardCharsets.US_ASCII)).isEqualTo(ANNEX_A_FRAME);
    }

    @Test
    void theStandardsExamplePacketParsesIntoItsFields() {
        Packet packet = parser.parse(withoutLineEnd(ANNEX_A_FRAME));

        assertThat(packet).isEqualTo(new Packet("20160801085857223", "32", "1062", "100000",
                "010000A8900016F000169DC0", 5, "RtdInterval=30"));
        assertThat(packet.wantsAnswer()).isTrue();
    }

    @Test
    void theStandardsRealTimeExampleGivesTheDustAndNoiseValuesAtBeijingTime() {
        Packet packet = parser.parse(withoutLineEnd(new String(Frames.of(REAL_TIME_SEGMENT), StandardCharsets.US_ASCII)));
        Reading reading = decoder.decode(packet, ReadingInterval.REAL_TIME);

        assertThat(reading.mn()).isEqualTo("010000A8900016F000169DC0");
        assertThat(reading.dataTime()).isEqualTo(Instant.parse("2016-08-01T00:40:00Z"));
        assertThat(reading.values()).containsExactly(
                new FactorValue(Factor.TSP, 217.0, null, null, null, DataFlag.N),
                new FactorValue(Factor.PM10, 295.0, null, null, null, DataFlag.N),
                new FactorValue(Factor.PM2_5, 207.0, null, null, null, DataFlag.N),
                new FactorValue(Factor.NOISE, 50.1, null, null, null, DataFlag.N));
    }

    @Test
    void minuteAndHourlyDataCarryAverageMinimumMaximumAndTheirFlags() {
        String segment = "QN=20261128140000000;ST=22;CN=2061;PW=123456;MN=LY0001;Flag=4;CP=&&DataTime=20261128130000;"
                + "a34002-Avg=182.4,a34002-Min=120.0,a34002-Max=260.7,a34002-Flag=T;a34004-Avg=96.1,a34004-Flag=C;"
                + "LA-Avg=64.2,LA-Min=51.0,LA-Max=78.3,LA-Flag=M&&";
        Packet packet = parser.parse(withoutLineEnd(new String(Frames.of(segment), StandardCharsets.US_ASCII)));
        Reading reading = decoder.decode(packet, ReadingInterval.ofCommand(packet.cn()).orElseThrow());

        assertThat(reading.interval()).isEqualTo(ReadingInterval.HOUR);
        assertThat(packet.wantsAnswer()).isFalse();
        assertThat(reading.values()).containsExactly(
                new FactorValue(Factor.PM10, null, 182.4, 120.0, 260.7, DataFlag.T),
                new FactorValue(Factor.PM2_5, null, 96.1, null, null, DataFlag.C),
                new FactorValue(Factor.NOISE, null, 64.2, 51.0, 78.3, DataFlag.M));
    }

    @Test
    void everyDataFlagOfTheStandardIsRead() {
        for (DataFlag flag : DataFlag.values()) {
            String segment = "ST=22;CN=2051;PW=1;MN=M1;CP=&&DataTime=20261128130000;a34001-Avg=1,a34001-Flag=" + flag + "&&";
            Reading reading = decoder.decode(parser.parse(withoutLineEnd(new String(Frames.of(segment), StandardCharsets.US_ASCII))),
                    ReadingInterval.MINUTE);
            assertThat(reading.values().get(0).flag()).isEqualTo(flag);
        }
    }

    @Test
    void aFlagTheStandardDoesNotDefineOrANonNumberIsABadSegment() {
        for (String cp : new String[] {"DataTime=20261128130000;a34002-Rtd=1,a34002-Flag=X",
            "DataTime=20261128130000;a34002-Rtd=1e9", "a34002-Rtd=12", "DataTime=2026112813;a34002-Rtd=12"}) {
            Packet packet = parser.parse(withoutLineEnd(new String(Frames.of("ST=22;CN=2011;PW=1;MN=M1;CP=&&" + cp + "&&"),
                    StandardCharsets.US_ASCII)));
            assertThatThrownBy(() -> decoder.decode(packet, ReadingInterval.REAL_TIME))
                    .isInstanceOfSatisfying(PacketRefused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.BAD_SEGMENT));
        }
    }

    @Test
    void aSegmentWithoutItsRequiredFieldsOrWithAnUnknownOneIsABadSegment() {
        for (String segment : new String[] {"ST=22;CN=2011;PW=1;CP=&&&&", "ST=22;CN=2011;PW=1;MN=M1;XX=1;CP=&&&&",
            "ST=22;CN=2011;PW=1;MN=M1;CP=&&", "ST=22;CN=2011;PW=1;MN=M1;CN=2011;CP=&&&&", "ST=22;CN=20a1;PW=1;MN=M1;CP=&&&&"}) {
            assertThatThrownBy(() -> parser.parse(withoutLineEnd(new String(Frames.of(segment), StandardCharsets.US_ASCII))))
                    .as(segment)
                    .isInstanceOfSatisfying(PacketRefused.class, r -> assertThat(r.reason()).isEqualTo(Refusal.BAD_SEGMENT));
        }
    }

    static byte[] withoutLineEnd(String frame) {
        byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(bytes, bytes.length - 2);
    }
}
