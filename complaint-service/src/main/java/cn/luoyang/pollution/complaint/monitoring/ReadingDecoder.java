package cn.luoyang.pollution.complaint.monitoring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the CP of a data upload: {@code DataTime=yyyyMMddHHmmss;a34002-Rtd=295,a34002-Flag=N;...}. Groups
 * are separated by {@code ;}, items within a group by {@code ,}. Factors other than {@link Factor}'s (weather,
 * flue gas) and fields other than Rtd/Avg/Min/Max/Flag (Cou, ZsRtd, SampleTime...) are passed over; a value
 * that is not a number, a flag the standard does not define or a missing DataTime refuse the packet.
 */
public final class ReadingDecoder {

    /** The standard's times are Beijing time. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,9})?");

    public Reading decode(Packet packet, ReadingInterval interval) {
        Instant dataTime = null;
        Map<Factor, Fields> byFactor = new EnumMap<>(Factor.class);
        for (String item : packet.cp().split("[;,]")) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw refused(packet, "item '" + item + "'");
            }
            String key = item.substring(0, eq);
            String value = item.substring(eq + 1);
            if (key.equals("DataTime")) {
                dataTime = time(packet, value);
                continue;
            }
            int dash = key.lastIndexOf('-');
            if (dash <= 0) {
                continue;
            }
            var factor = Factor.ofCode(key.substring(0, dash));
            if (factor.isPresent()) {
                byFactor.computeIfAbsent(factor.get(), f -> new Fields()).set(packet, key.substring(dash + 1), value);
            }
        }
        if (dataTime == null) {
            throw refused(packet, "no DataTime");
        }
        List<FactorValue> values = new ArrayList<>();
        byFactor.forEach((factor, f) -> values.add(new FactorValue(factor, f.rtd, f.avg, f.min, f.max, f.flag)));
        return new Reading(packet.mn(), interval, dataTime, values);
    }

    private static Instant time(Packet packet, String value) {
        try {
            return LocalDateTime.parse(value, DATA_TIME).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            throw refused(packet, "DataTime '" + value + "'");
        }
    }

    private static PacketRefused refused(Packet packet, String detail) {
        return new PacketRefused(Refusal.BAD_SEGMENT, packet, detail);
    }

    private static final class Fields {
        Double rtd;
        Double avg;
        Double min;
        Double max;
        DataFlag flag;

        void set(Packet packet, String field, String value) {
            switch (field) {
                case "Rtd" -> rtd = number(packet, value);
                case "Avg" -> avg = number(packet, value);
                case "Min" -> min = number(packet, value);
                case "Max" -> max = number(packet, value);
                case "Flag" -> flag = DataFlag.of(value).orElseThrow(() -> refused(packet, "flag '" + value + "'"));
                default -> {
                    // other fields of a known factor (Cou, ZsRtd, SampleTime...) are not needed downstream
                }
            }
        }

        private static Double number(Packet packet, String value) {
            if (!NUMBER.matcher(value).matches()) {
                throw refused(packet, "value '" + value + "'");
            }
            return Double.valueOf(value);
        }
    }
}
