package cn.luoyang.pollution.complaint.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A WebP file is a RIFF container whose EXIF and XMP travel in chunks of their own beside the image
 * data. The JDK has no WebP codec, and none is needed: those chunks are left out and the VP8X header's
 * flags for them cleared, the image chunks copied byte for byte. A file whose chunks do not add up,
 * or that holds no image chunk, is not a WebP photo.
 */
final class WebpChunks {

    private static final int EXIF_FLAG = 0x08;
    private static final int XMP_FLAG = 0x04;

    private WebpChunks() {
    }

    static byte[] withoutMetadata(byte[] webp) {
        if (webp.length < 12 || !fourcc(webp, 0, "RIFF") || !fourcc(webp, 8, "WEBP")) {
            throw unreadable();
        }
        long declared = u32(webp, 4);
        if (declared + 8 > webp.length || declared < 4) {
            throw unreadable();
        }
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(webp.length);
        boolean image = false;
        int at = 12;
        int end = (int) declared + 8;
        while (at < end) {
            if (at + 8 > end) {
                throw unreadable();
            }
            long size = u32(webp, at + 4);
            long next = at + 8 + size + (size & 1);
            if (at + 8 + size > end) {
                throw unreadable();
            }
            String type = new String(webp, at, 4, StandardCharsets.US_ASCII);
            if (!type.equals("EXIF") && !type.equals("XMP ")) {
                byte[] chunk = Arrays.copyOfRange(webp, at, (int) Math.min(next, end));
                if (type.equals("VP8X") && size >= 1) {
                    chunk[8] &= (byte) ~(EXIF_FLAG | XMP_FLAG);
                }
                chunks.write(chunk, 0, chunk.length);
                image |= type.equals("VP8 ") || type.equals("VP8L") || type.equals("ANMF");
            }
            at = (int) next;
        }
        if (!image) {
            throw unreadable();
        }
        byte[] body = chunks.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.write(webp, 0, 4);
        int riffSize = body.length + 4;
        out.write(new byte[] {(byte) riffSize, (byte) (riffSize >> 8), (byte) (riffSize >> 16), (byte) (riffSize >> 24)}, 0, 4);
        out.write(webp, 8, 4);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private static UnreadableMediaException unreadable() {
        return new UnreadableMediaException("could not be read as image/webp");
    }

    private static boolean fourcc(byte[] b, int at, String code) {
        for (int i = 0; i < 4; i++) {
            if (b[at + i] != code.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
