package cn.luoyang.pollution.complaint.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The one thing of a JPEG's EXIF worth keeping: which way up the photo is (tag 0x0112). Phones store
 * a portrait photo as landscape pixels plus "rotate 90°"; the re-encoded file has no EXIF, so the
 * turn is applied to the pixels instead. Anything unexpected in the EXIF reads as "as stored".
 */
final class ExifOrientation {

    static final int AS_STORED = 1;
    private static final int APP1 = 0xE1;
    private static final int START_OF_SCAN = 0xDA;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation (1–8) a JPEG's EXIF gives, or {@link #AS_STORED}. */
    static int of(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == START_OF_SCAN) {
                break;
            }
            int length = u16(jpeg, at + 2, false);
            if (marker == APP1 && length >= 16 && at + 2 + length <= jpeg.length && exifHeader(jpeg, at + 4)) {
                return inTiff(jpeg, at + 10, length - 8);
            }
            at += 2 + length;
        }
        return AS_STORED;
    }

    /** The pixels turned and mirrored as the EXIF orientation says. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= AS_STORED || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12 (AffineTransform(m00, m10, m01, m11, m02, m12))
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        boolean swapped = orientation >= 5;
        int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType();
        BufferedImage turned = new BufferedImage(swapped ? h : w, swapped ? w : h, type);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, turn, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    private static boolean exifHeader(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static int inTiff(byte[] b, int tiff, int length) {
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return AS_STORED;
        }
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || ifd + 2 > length) {
            return AS_STORED;
        }
        int entries = u16(b, tiff + (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = tiff + (int) ifd + 2 + 12 * i;
            if (entry + 12 > tiff + length) {
                break;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        }
        return AS_STORED;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? first | second << 8 : first << 8 | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, little ? at + 2 : at, little);
        long low = u16(b, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
