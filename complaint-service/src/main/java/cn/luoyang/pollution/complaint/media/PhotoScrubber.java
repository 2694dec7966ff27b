package cn.luoyang.pollution.complaint.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Keeps of an uploaded photo only its picture, so that nothing the camera wrote beside it survives: no
 * EXIF (GPS position, time, phone model, serial number), XMP, IPTC, comments, thumbnails or PNG text
 * chunks. A JPEG or PNG is re-encoded from its pixels: the JDK's own ImageIO reads and writes both,
 * which is all this needs, and its writers put out only what the pixels require (JFIF header, tables;
 * IHDR, IDAT). A JPEG's EXIF orientation is applied to the pixels first ({@link ExifOrientation}), so a
 * portrait phone photo stays upright. A WebP loses its EXIF and XMP chunks ({@link WebpChunks}). Other
 * image types (HEIC) are not handled: the upload refuses them rather than keep their location.
 *
 * <p>A photo is decoded at most {@value #MAX_SIDE} pixels on its longest side (a larger one is
 * subsampled by a whole factor: a 48 MP 8000×6000 photo becomes 4000×3000), and one at a time per
 * instance ({@value #PERMITS} permit): a decoded 12 MP photo is 36 MB of heap, twice that while it is
 * turned upright, and the service runs in about 230 MB; a 10 MiB file declaring huge dimensions cannot
 * exhaust it. One photo takes about 0.26 s (BENCHMARKS.md), so queuing costs little at upload rates.
 */
public final class PhotoScrubber {

    static final int MAX_SIDE = 4096;
    static final int PERMITS = 1;
    private static final long MAX_DECLARED_PIXELS = 200_000_000L;
    private static final float JPEG_QUALITY = 0.92f;
    private static final Map<String, String> FORMATS = Map.of("image/jpeg", "jpeg", "image/png", "png");
    private static final String WEBP = "image/webp";

    private final Semaphore decoding = new Semaphore(PERMITS);

    /** Whether photos of this type can be cleaned of their metadata. */
    public boolean handles(String mediaType) {
        return FORMATS.containsKey(mediaType) || WEBP.equals(mediaType);
    }

    /**
     * The photo's picture alone, in a file of the same type.
     *
     * @throws UnreadableMediaException when the bytes do not decode as that type
     */
    public byte[] withoutMetadata(String mediaType, byte[] original) {
        if (WEBP.equals(mediaType)) {
            return WebpChunks.withoutMetadata(original);
        }
        String format = FORMATS.get(mediaType);
        if (format == null) {
            throw new IllegalArgumentException(mediaType + " is not cleaned here");
        }
        decoding.acquireUninterruptibly();
        try {
            BufferedImage pixels = decode(format, original)
                    .orElseThrow(() -> new UnreadableMediaException("could not be read as " + mediaType));
            if ("jpeg".equals(format)) {
                pixels = ExifOrientation.upright(pixels, ExifOrientation.of(original));
            }
            return encode(format, pixels);
        } catch (UnreadableMediaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders throw IIOException and, for some damaged files, runtime exceptions
            throw new UnreadableMediaException("could not be read as " + mediaType);
        } finally {
            decoding.release();
        }
    }

    private static Optional<BufferedImage> decode(String format, byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (in == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_DECLARED_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int factor = (Math.max(width, height) + MAX_SIDE - 1) / MAX_SIDE;
                if (factor > 1) {
                    param.setSourceSubsampling(factor, factor, 0, 0);
                }
                return Optional.ofNullable(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] encode(String format, BufferedImage pixels) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // no metadata object: the writer makes the minimal one the pixels need
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
