package cn.luoyang.pollution.enforcement.cases;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an evidence file (取证材料) is, read from its bytes: the format's opening (magic number) and its
 * ending (JPEG end-of-image marker, PNG {@code IEND} chunk, PDF {@code %%EOF}, an MP4's boxes that
 * fill the file to its last byte with a {@code moov} among them). A name or a declared type is only a
 * claim, held against what the bytes are ({@link #matchesName}, {@link #matchesType}).
 */
public enum FileKind {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf"),
    MP4("video/mp4", "mp4", "m4v");

    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final byte[] PDF_START = ascii("%PDF-");
    private static final byte[] PDF_END = ascii("%%EOF");
    /** A PDF writer may put a few bytes (line ends, padding) after {@code %%EOF}. */
    private static final int PDF_TAIL = 1024;
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1",
            "M4V ", "dash", "MSNV");

    private final String contentType;
    private final Set<String> extensions;

    FileKind(String contentType, String... extensions) {
        this.contentType = contentType;
        this.extensions = Set.of(extensions);
    }

    public String contentType() {
        return contentType;
    }

    /** The kind the bytes are, when they open and end as one of the accepted formats. */
    public static Optional<FileKind> of(byte[] data) {
        if (data == null) {
            return Optional.empty();
        }
        for (FileKind kind : values()) {
            if (kind.is(data)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** False when the name's extension names another kind (a {@code .jpg} that is a PDF); true without one. */
    public boolean matchesName(String filename) {
        if (filename == null || filename.lastIndexOf('.') < 0) {
            return true;
        }
        String extension = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return extensions.contains(extension) || Arrays.stream(values()).noneMatch(k -> k.extensions.contains(extension));
    }

    /** False when the declared type is a specific type other than this kind's; a generic one says nothing. */
    public boolean matchesType(String declared) {
        if (declared == null || declared.isBlank() || declared.startsWith("application/octet-stream")) {
            return true;
        }
        String type = declared.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals(contentType) || (this == JPEG && type.equals("image/jpg"));
    }

    private boolean is(byte[] d) {
        return switch (this) {
            case JPEG -> d.length > JPEG_START.length + JPEG_END.length && startsWith(d, 0, JPEG_START) && endsWith(trimZeros(d), d, JPEG_END);
            case PNG -> startsWith(d, 0, PNG_START) && startsWith(d, 12, ascii("IHDR")) && endsWith(d.length, d, PNG_END);
            case PDF -> startsWith(d, 0, PDF_START) && contains(d, Math.max(0, d.length - PDF_TAIL), PDF_END);
            case MP4 -> isMp4(d);
        };
    }

    /** ISO base media file: {@code ftyp} first with an MP4 brand, boxes that fill the file exactly, one of them {@code moov}. */
    private static boolean isMp4(byte[] d) {
        if (!startsWith(d, 4, ascii("ftyp")) || d.length < 12
                || !MP4_BRANDS.contains(new String(d, 8, 4, StandardCharsets.US_ASCII))) {
            return false;
        }
        long at = 0;
        boolean movie = false;
        while (at < d.length) {
            if (at + 8 > d.length) {
                return false;
            }
            long size = uint32(d, (int) at);
            String type = new String(d, (int) at + 4, 4, StandardCharsets.US_ASCII);
            if (size == 1) {
                if (at + 16 > d.length) {
                    return false;
                }
                size = (uint32(d, (int) at + 8) << 32) | uint32(d, (int) at + 12);
            } else if (size == 0) {
                size = d.length - at; // the last box runs to the end of the file
            }
            if (size < 8 || at + size > d.length) {
                return false;
            }
            movie |= type.equals("moov");
            at += size;
        }
        return movie;
    }

    private static long uint32(byte[] d, int at) {
        return ((d[at] & 0xFFL) << 24) | ((d[at + 1] & 0xFFL) << 16) | ((d[at + 2] & 0xFFL) << 8) | (d[at + 3] & 0xFFL);
    }

    /** The length without trailing zero bytes (some cameras pad a JPEG after its end marker). */
    private static int trimZeros(byte[] d) {
        int end = d.length;
        while (end > 0 && d[end - 1] == 0) {
            end--;
        }
        return end;
    }

    private static boolean startsWith(byte[] d, int offset, byte[] magic) {
        return d.length >= offset + magic.length && Arrays.equals(d, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static boolean endsWith(int end, byte[] d, byte[] magic) {
        return end >= magic.length && Arrays.equals(d, end - magic.length, end, magic, 0, magic.length);
    }

    private static boolean contains(byte[] d, int from, byte[] magic) {
        for (int i = from; i + magic.length <= d.length; i++) {
            if (Arrays.equals(d, i, i + magic.length, magic, 0, magic.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
