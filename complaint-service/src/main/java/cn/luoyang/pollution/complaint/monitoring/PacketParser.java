package cn.luoyang.pollution.complaint.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one frame as HJ 212-2017 defines it: {@code ##}, the data segment's length in four decimal digits,
 * the data segment {@code QN=..;ST=..;CN=..;PW=..;MN=..;Flag=..;CP=&&..&&}, and its CRC-16 in four hex
 * digits. The frame is given without its closing CR LF. Every failure is a {@link PacketRefused} with its
 * reason; nothing here throws anything else.
 */
public final class PacketParser {

    /** The standard's data segment is 0–9999 bytes long. */
    public static final int MAX_SEGMENT = 9999;
    public static final int MAX_FRAME = 2 + 4 + MAX_SEGMENT + 4;

    private static final int OVERHEAD = 2 + 4 + 4;
    private static final String CP_START = "CP=&&";
    private static final Set<String> HEADER_FIELDS = Set.of("QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern HEX4 = Pattern.compile("[0-9A-Fa-f]{4}");
    private static final Pattern TEXT = Pattern.compile("[0-9A-Za-z_\\-]+");

    public Packet parse(byte[] frame) {
        if (frame.length > MAX_FRAME) {
            throw new PacketRefused(Refusal.OVERSIZED, frame.length + " bytes");
        }
        for (byte b : frame) {
            if (b < 0x20 || b > 0x7E) {
                throw new PacketRefused(Refusal.NON_ASCII, "byte 0x" + Integer.toHexString(b & 0xFF));
            }
        }
        String text = new String(frame, StandardCharsets.US_ASCII);
        if (!text.startsWith("##")) {
            throw new PacketRefused(Refusal.BAD_SEGMENT, "no ## header");
        }
        if (frame.length < OVERHEAD) {
            throw new PacketRefused(Refusal.TRUNCATED, frame.length + " bytes");
        }
        String lengthDigits = text.substring(2, 6);
        if (!DIGITS.matcher(lengthDigits).matches()) {
            throw new PacketRefused(Refusal.BAD_LENGTH, "length '" + lengthDigits + "'");
        }
        int declared = Integer.parseInt(lengthDigits);
        int actual = frame.length - OVERHEAD;
        if (actual < declared) {
            throw new PacketRefused(Refusal.TRUNCATED, "segment " + actual + " of " + declared + " bytes");
        }
        if (actual > declared) {
            throw new PacketRefused(Refusal.BAD_LENGTH, "segment " + actual + " bytes, header says " + declared);
        }
        String crc = text.substring(6 + declared);
        if (!HEX4.matcher(crc).matches() || Integer.parseInt(crc, 16) != Crc16.of(frame, 6, 6 + declared)) {
            throw new PacketRefused(Refusal.BAD_CRC, "check '" + crc + "'");
        }
        return segment(text.substring(6, 6 + declared));
    }

    private static Packet segment(String segment) {
        int cpAt = segment.indexOf(CP_START);
        if (cpAt < 0 || (cpAt > 0 && segment.charAt(cpAt - 1) != ';')
                || !segment.endsWith("&&") || segment.length() < cpAt + CP_START.length() + 2) {
            throw new PacketRefused(Refusal.BAD_SEGMENT, "no CP=&&...&&");
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : segment.substring(0, cpAt).split(";")) {
            int eq = field.indexOf('=');
            String name = eq < 0 ? field : field.substring(0, eq);
            if (eq < 0 || !HEADER_FIELDS.contains(name) || fields.put(name, field.substring(eq + 1)) != null) {
                throw new PacketRefused(Refusal.BAD_SEGMENT, "field '" + field + "'");
            }
        }
        String cp = segment.substring(cpAt + CP_START.length(), segment.length() - 2);
        String st = required(fields, "ST", DIGITS);
        String cn = required(fields, "CN", DIGITS);
        String pw = required(fields, "PW", TEXT);
        String mn = required(fields, "MN", TEXT);
        String qn = fields.get("QN");
        String flag = fields.get("Flag");
        if ((qn != null && !DIGITS.matcher(qn).matches()) || (flag != null && !DIGITS.matcher(flag).matches())
                || (flag != null && flag.length() > 3)) {
            throw new PacketRefused(Refusal.BAD_SEGMENT, "QN or Flag not digits");
        }
        return new Packet(qn, st, cn, pw, mn, flag == null ? 0 : Integer.parseInt(flag), cp);
    }

    private static String required(Map<String, String> fields, String name, Pattern shape) {
        String value = fields.get(name);
        if (value == null || value.length() > 32 || !shape.matcher(value).matches()) {
            throw new PacketRefused(Refusal.BAD_SEGMENT, "missing or malformed " + name);
        }
        return value;
    }
}
