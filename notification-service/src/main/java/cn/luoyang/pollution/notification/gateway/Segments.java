package cn.luoyang.pollution.notification.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a text travels as SMS: UCS-2 (what Chinese needs; English texts use it too, for one rule),
 * 70 characters in a single message, or 67 per segment when a 6-byte concatenation header (UDH,
 * IEI 0x00, 8-bit reference) takes its share of the 140 bytes. A surrogate pair is never split.
 */
public final class Segments {

    public static final int SINGLE = 70;
    public static final int PER_SEGMENT = 67;

    /** The parts of {@code text}: one when it fits, otherwise segments of at most 67 UCS-2 units. */
    public static List<String> split(String text) {
        if (text.length() <= SINGLE) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + PER_SEGMENT, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        return parts;
    }

    public static byte[] ucs2(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }

    /** The concatenation header: length 5, IEI 0 (8-bit reference), IE length 3, reference, total, sequence (from 1). */
    public static byte[] udh(int reference, int total, int sequence) {
        return new byte[] {0x05, 0x00, 0x03, (byte) reference, (byte) total, (byte) sequence};
    }

    /** Header followed by the UCS-2 payload: one segment's short_message. */
    public static byte[] withUdh(int reference, int total, int sequence, String part) {
        byte[] header = udh(reference, total, sequence);
        byte[] body = ucs2(part);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return all;
    }

    private Segments() {
    }
}
