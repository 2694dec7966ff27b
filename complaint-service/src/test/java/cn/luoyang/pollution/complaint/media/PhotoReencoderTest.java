package cn.luoyang.pollution.complaint.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.complaint.support.Photos;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PhotoReencoderTest {

    private final PhotoReencoder photos = new PhotoReencoder();

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
                .isInstanceOf(UnreadablePhotoException.class).hasMessage("could not be read as image/jpeg");
        assertThatThrownBy(() -> photos.withoutMetadata("image/png", Arrays.copyOf(Photos.pngWithText(40, 30), 60)))
                .isInstanceOf(UnreadablePhotoException.class);
    }

    @Test
    void onlyJpegAndPngAreReencoded() {
        assertThat(photos.handles("image/jpeg")).isTrue();
        assertThat(photos.handles("image/png")).isTrue();
        assertThat(photos.handles("image/webp")).isFalse();
        assertThat(photos.handles("video/mp4")).isFalse();
    }
}
