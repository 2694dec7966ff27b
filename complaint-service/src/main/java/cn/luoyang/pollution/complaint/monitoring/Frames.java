package cn.luoyang.pollution.complaint.monitoring;

import java.nio.charset.StandardCharsets;

/** Writes a data segment as an HJ 212-2017 packet: {@code ##}, length, segment, CRC-16, CR LF. */
public final class Frames {

    private Frames() {
    }

    public static byte[] of(String segment) {
        byte[] bytes = segment.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > PacketParser.MAX_SEGMENT) {
            throw new IllegalArgumentException("data segment of " + bytes.length + " bytes");
        }
        String frame = "##" + String.format("%04d", bytes.length) + segment + Crc16.hex(bytes, 0, bytes.length) + "\r\n";
        return frame.getBytes(StandardCharsets.US_ASCII);
    }
}
