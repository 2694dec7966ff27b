package cn.luoyang.pollution.enforcement.console.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * What an uploaded file is, read from its first bytes (magic numbers), never from its name or the
 * type the browser declared: a renamed executable or HTML page is refused however it is labelled.
 */
final class FileKind {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "heim", "heis", "mif1", "msf1");

    private FileKind() {
    }

    /** The content type the bytes show, if it is one of the accepted photo or record formats. */
    static Optional<String> of(byte[] data) {
        if (startsWith(data, 0, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(data, 0, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(data, 0, PDF)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(data, 0, ascii("RIFF")) && startsWith(data, 8, ascii("WEBP"))) {
            return Optional.of("image/webp");
        }
        if (startsWith(data, 4, ascii("ftyp")) && data.length >= 12
                && HEIC_BRANDS.contains(new String(data, 8, 4, StandardCharsets.US_ASCII))) {
            return Optional.of("image/heic");
        }
        return Optional.empty();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] data, int offset, byte[] magic) {
        return data != null && data.length >= offset + magic.length
                && Arrays.equals(data, offset, offset + magic.length, magic, 0, magic.length);
    }
}
