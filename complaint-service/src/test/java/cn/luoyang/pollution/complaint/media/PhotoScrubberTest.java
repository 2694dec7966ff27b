package cn.luoyang.pollution.complaint.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.complaint.support.Photos;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhotoScrubberTest {

    private final PhotoScrubber photos = new PhotoScrubber();

    @Test
    void aJpegKeepsItsPixelsAndLosesItsExifGpsAndComment() {
        byte[] sent = Photos.jpegWithGps(64, 48);
        assertThat(Photos.jpegMarkers(sent)).contains(0xE1, 0xFE);

        byte[] kept = photos.withoutMetadata("image/jpeg", sent);

        assertThat(Photos.jpegMarkers(kept)).doesNotContain(0xE1, 0xFE).contains(0xDA);
        assertThat(Photos.contains(kept, "Exif")).isFalse();
        assertThat(Photos.contains(kept, Photos.COMMENT)).isFalse();
        BufferedImage image = Photos.read(kept);
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
    }

    @ParameterizedTest(name = "orientation {0}: the red corner ends up at ({1}, {2}) of a {3}×{4} photo")
    @CsvSource({"1, 0, 0, 64, 48", "3, 1, 1, 64, 48", "6, 1, 0, 48, 64", "8, 0, 1, 48, 64", "2, 1, 0, 64, 48"})
    void aJpegIsTurnedAsItsExifOrientationSaidBeforeTheExifGoes(int orientation, int right, int bottom, int width, int height) {
        byte[] sent = Photos.jpegWithGps(Photos.redCorner(64, 48), orientation);

        BufferedImage shown = Photos.read(photos.withoutMetadata("image/jpeg", sent));

        assertThat(shown.getWidth()).isEqualTo(width);
        assertThat(shown.getHeight()).isEqualTo(height);
        int x = right == 1 ? width - width / 4 : width / 4;
        int y = bottom == 1 ? height - height / 4 : height / 4;
        assertThat(new Color(shown.getRGB(x, y)).getRed()).isGreaterThan(200);
        assertThat(new Color(shown.getRGB(x, y)).getGreen()).isLessThan(60);
        assertThat(new Color(shown.getRGB(width - 1 - x, height - 1 - y)).getGreen()).as("the opposite corner is white").isGreaterThan(200);
    }

    @Test
    void aPngLosesItsTextChunks() {
        byte[] sent = Photos.pngWithText(40, 30);
        assertThat(Photos.contains(sent, Photos.PNG_TEXT)).isTrue();

        byte[] kept = photos.withoutMetadata("image/png", sent);

        assertThat(Photos.contains(kept, "tEXt")).isFalse();
        assertThat(Photos.contains(kept, Photos.PNG_TEXT)).isFalse();
        assertThat(Photos.read(kept).getWidth()).isEqualTo(40);
    }

    @Test
    void bytesThatDoNotDecodeAreRefusedByName() {
        byte[] corrupt = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2048);

        assertThatThrownBy(() -> photos.withoutMetadata("image/jpeg", corrupt))
                .isInstanceOf(UnreadableMediaException.class).hasMessage("could not be read as image/jpeg");
        assertThatThrownBy(() -> photos.withoutMetadata("image/png", Arrays.copyOf(Photos.pngWithText(40, 30), 60)))
                .isInstanceOf(UnreadableMediaException.class);
    }

    @Test
    void aWebpLosesItsExifAndXmpChunksAndKeepsItsImageByteForByte() {
        byte[] image = "VP8L-image-data!".getBytes(StandardCharsets.US_ASCII);
        byte[] sent = Photos.webp(image, true);
        assertThat(Photos.contains(sent, "EXIF")).isTrue();

        byte[] kept = photos.withoutMetadata("image/webp", sent);

        assertThat(Photos.contains(kept, "EXIF")).isFalse();
        assertThat(Photos.contains(kept, "XMP ")).isFalse();
        assertThat(Photos.contains(kept, "Exif")).isFalse();
        assertThat(Photos.contains(kept, "GPS")).isFalse();
        assertThat(kept[20] & 0x0C).as("VP8X flags for EXIF and XMP").isZero();
        assertThat(ByteBuffer.wrap(kept, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo(kept.length - 8);
        assertThat(Photos.contains(kept, "VP8L-image-data!")).isTrue();
        assertThat(kept).isEqualTo(Photos.webp(image, false));
    }

    @Test
    void aWebpWhoseChunksDoNotAddUpOrThatHoldsNoImageIsRefused() {
        byte[] cut = Arrays.copyOf(Photos.webp("VP8L-image-data!".getBytes(StandardCharsets.US_ASCII), true), 40);
        byte[] noImage = "RIFF\u0004\0\0\0WEBP".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> photos.withoutMetadata("image/webp", cut)).isInstanceOf(UnreadableMediaException.class);
        assertThatThrownBy(() -> photos.withoutMetadata("image/webp", noImage))
                .isInstanceOf(UnreadableMediaException.class).hasMessage("could not be read as image/webp");
    }

    @Test
    void jpegPngAndWebpAreCleanedHeicAndVideosAreNot() {
        assertThat(photos.handles("image/jpeg")).isTrue();
        assertThat(photos.handles("image/png")).isTrue();
        assertThat(photos.handles("image/webp")).isTrue();
        assertThat(photos.handles("image/heic")).isFalse();
        assertThat(photos.handles("video/mp4")).isFalse();
    }
}
