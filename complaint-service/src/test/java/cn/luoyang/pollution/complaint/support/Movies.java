package cn.luoyang.pollution.complaint.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small MP4 files built box by box for tests, shaped like a phone's: {@code ftyp}, a {@code moov} with
 * the position in {@code udta/©xyz} and in Apple's {@code meta} (keys + ilst) and a track with its own
 * {@code udta} and {@code meta}, then {@code mdat} with pseudo-random media bytes.
 */
public final class Movies {

    /** Luoyang's Longmen grottoes, as a phone writes it (ISO 6709). */
    public static final String POSITION = "+34.6197+112.4540/";
    public static final String APPLE_POSITION = "+34.6197+112.4540+150.000/";

    private Movies() {
    }

    /** A phone's video: the position in {@code moov/udta}, {@code moov/meta}, {@code trak/udta}, {@code trak/meta}. */
    public static byte[] phoneVideo(int mediaBytes) {
        return concat(ftyp(), moov(), box("mdat", media(mediaBytes)));
    }

    /** The same with {@code mdat} written with a 64-bit size and a top-level {@code udta} after it. */
    public static byte[] withLargeMdat(int mediaBytes) {
        byte[] media = media(mediaBytes);
        ByteBuffer large = ByteBuffer.allocate(16 + media.length).putInt(1).put(ascii("mdat")).putLong(16L + media.length).put(media);
        return concat(ftyp(), moov(), large.array(), box("udta", xyz()));
    }

    /** The same with {@code mdat} last and its size 0 (it runs to the end of the file). */
    public static byte[] withOpenEndedMdat(int mediaBytes) {
        byte[] media = media(mediaBytes);
        ByteBuffer open = ByteBuffer.allocate(8 + media.length).putInt(0).put(ascii("mdat")).put(media);
        return concat(ftyp(), moov(), open.array());
    }

    public static byte[] ftyp() {
        return box("ftyp", concat(ascii("isom"), new byte[] {0, 0, 2, 0}, ascii("isomiso2avc1mp41")));
    }

    public static byte[] moov() {
        byte[] mvhd = box("mvhd", new byte[100]);
        byte[] stco = box("stco", new byte[] {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0x10, 0});
        byte[] trak = box("trak", concat(box("tkhd", new byte[84]), box("mdia", box("minf", box("stbl", stco))),
                box("udta", box("name", ascii("Core Media Video"))), box("meta", concat(new byte[4], hdlr("mdta"), ilst(APPLE_POSITION)))));
        byte[] udta = box("udta", xyz());
        byte[] meta = box("meta", concat(hdlr("mdta"), keys("com.apple.quicktime.location.ISO6709"), ilst(APPLE_POSITION)));
        return box("moov", concat(mvhd, trak, udta, meta));
    }

    /** The media bytes {@link #phoneVideo} and the others carry. */
    public static byte[] media(int bytes) {
        byte[] media = new byte[bytes];
        new Random(212).nextBytes(media);
        return media;
    }

    public static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(ascii(type)).put(body).array();
    }

    /** The types of the boxes at one level (the top, or inside the box at {@code start}), with their offsets. */
    public static List<String> types(byte[] file, int start, int end) {
        List<String> types = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file);
        int at = start;
        while (at < end) {
            long size = b.getInt(at) & 0xFFFFFFFFL;
            String type = new String(file, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (size == 1) {
                size = b.getLong(at + 8);
            } else if (size == 0) {
                size = end - at;
            }
            if (size < 8 || at + size > end) {
                throw new IllegalStateException("broken box " + type + " at " + at);
            }
            types.add(type + "@" + at);
            at += (int) size;
        }
        return types;
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    private static byte[] xyz() {
        byte[] text = ascii(POSITION);
        ByteBuffer entry = ByteBuffer.allocate(4 + text.length).putShort((short) text.length).putShort((short) 0x15c7).put(text);
        return box("\u00a9xyz", entry.array());
    }

    private static byte[] hdlr(String handler) {
        return box("hdlr", concat(new byte[8], ascii(handler), new byte[13]));
    }

    private static byte[] keys(String key) {
        return box("keys", concat(new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, box("mdta", ascii(key))));
    }

    private static byte[] ilst(String value) {
        byte[] data = box("data", concat(new byte[] {0, 0, 0, 1, 0, 0, 0, 0}, ascii(value)));
        ByteBuffer item = ByteBuffer.allocate(8 + data.length).putInt(8 + data.length).putInt(1).put(data);
        return box("ilst", item.array());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
