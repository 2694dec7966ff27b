package cn.luoyang.pollution.complaint.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Photos as phones send them: a real JPEG with an EXIF APP1 segment whose GPS IFD gives a position,
 * and a comment; a PNG with a text chunk. Built here byte by byte, so the test knows what must go.
 */
public final class Photos {

    /** The JPEG comment (COM) a phone app left. */
    public static final String COMMENT = "taken at home, 12 Jiefang Road";
    public static final String PNG_TEXT = "GPSLatitude=34.6197";

    private Photos() {
    }

    /** A plain picture with its top-left quarter red, to see which way up it is shown. */
    public static BufferedImage redCorner(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        return image;
    }

    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    /** A JPEG of this size with, right after SOI, an EXIF APP1 holding a GPS IFD (34°N) and a COM segment. */
    public static byte[] jpegWithGps(int width, int height) {
        return jpegWithGps(picture(width, height), 1);
    }

    /** These pixels as a JPEG whose EXIF also says how to turn them (1 as stored, 6 a quarter turn clockwise...). */
    public static byte[] jpegWithGps(BufferedImage pixels, int orientation) {
        byte[] plain = write(pixels, "jpeg");
        byte[] exif = exifWithGps(orientation);
        byte[] comment = COMMENT.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(plain.length + 4 + exif.length + 4 + comment.length);
        out.put(plain, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif);
        out.put((byte) 0xFF).put((byte) 0xFE).putShort((short) (comment.length + 2)).put(comment);
        out.put(plain, 2, plain.length - 2);
        return out.array();
    }

    /** A PNG of this size with a tEXt chunk (the CRC is not checked by readers that skip it; ImageIO checks none). */
    public static byte[] pngWithText(int width, int height) {
        byte[] plain = write(picture(width, height), "png");
        byte[] text = ("Comment\0" + PNG_TEXT).getBytes(StandardCharsets.ISO_8859_1);
        int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, IHDR length, type, data, CRC
        ByteBuffer out = ByteBuffer.allocate(plain.length + 12 + text.length);
        out.put(plain, 0, afterHeader);
        out.putInt(text.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(text);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes(StandardCharsets.US_ASCII));
        crc.update(text);
        out.putInt((int) crc.getValue());
        out.put(plain, afterHeader, plain.length - afterHeader);
        return out.array();
    }

    /**
     * "Exif\0\0", a big-endian TIFF header, IFD0 with the orientation and a pointer to a GPS IFD with
     * GPSLatitudeRef N and GPSLatitude 34° 37' 11".
     */
    static byte[] exifWithGps(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + 2 + 2 * 12 + 4 + 24);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: Orientation (0x0112, SHORT), GPSInfo (0x8825, LONG) -> GPS IFD at 38
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        // GPS IFD at 38: GPSLatitudeRef "N", GPSLatitude 3 RATIONALs at 68
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(34).putInt(1).putInt(37).putInt(1).putInt(11).putInt(1);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(header.length + tiff.capacity()).put(header).put(tiff.array()).array();
    }

    /**
     * A WebP container as a phone app writes it: VP8X (flags EXIF and XMP when {@code withMetadata}), the
     * image chunk, then EXIF (with GPS) and XMP chunks. The image data is not a real bitstream: only the
     * container is read here.
     */
    public static byte[] webp(byte[] vp8l, boolean withMetadata) {
        java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
        byte[] vp8x = {(byte) (withMetadata ? 0x0C : 0), 0, 0, 0, 63, 0, 0, 47, 0, 0};
        chunk(chunks, "VP8X", vp8x);
        chunk(chunks, "VP8L", vp8l);
        if (withMetadata) {
            chunk(chunks, "EXIF", exifWithGps(1));
            chunk(chunks, "XMP ", "<x:xmpmeta><exif:GPSLatitude>34,37.18N</exif:GPSLatitude></x:xmpmeta>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = chunks.toByteArray();
        return ByteBuffer.allocate(12 + body.length).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body).array();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String fourcc, byte[] data) {
        out.writeBytes(fourcc.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    /** The markers of a JPEG's segments from SOI up to the start of scan (0xE1 = APP1, 0xFE = COM). */
    public static java.util.List<Integer> jpegMarkers(byte[] jpeg) {
        java.util.List<Integer> markers = new java.util.ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return markers;
    }

    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
