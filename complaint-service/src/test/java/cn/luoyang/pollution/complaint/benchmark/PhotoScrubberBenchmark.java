package cn.luoyang.pollution.complaint.benchmark;

import cn.luoyang.pollution.complaint.media.PhotoScrubber;
import cn.luoyang.pollution.complaint.support.Photos;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a test: it asserts nothing about speed. With {@code -Dbenchmark=true} it prints (and
 * writes to target/benchmark-photos.txt) how long {@link PhotoScrubber} takes for a phone-sized JPEG
 * (12 MP, 4000×3000, with an EXIF GPS segment) and a 48 MP one (8000×6000, subsampled to 4000×3000),
 * one at a time on one thread, after a warm-up.
 *
 * <pre>./mvnw -B -o test -pl complaint-service -am -Dtest=PhotoScrubberBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PhotoScrubberBenchmark {

    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 3);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 10);

    @Test
    void scrubbingPhoneSizedPhotos() throws IOException {
        PhotoScrubber scrubber = new PhotoScrubber();
        StringBuilder report = new StringBuilder();
        for (int[] size : new int[][] {{4000, 3000}, {8000, 6000}}) {
            byte[] jpeg = Photos.jpegWithGps(photoLike(size[0], size[1]), 6);
            byte[] out = null;
            for (int i = 0; i < WARMUP; i++) {
                out = scrubber.withoutMetadata("image/jpeg", jpeg);
            }
            long start = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                out = scrubber.withoutMetadata("image/jpeg", jpeg);
            }
            double ms = (System.nanoTime() - start) / 1e6 / ROUNDS;
            report.append(String.format("%d×%d JPEG, %,d bytes in, %,d bytes out: %.0f ms per photo (%d rounds)%n",
                    size[0], size[1], jpeg.length, out.length, ms, ROUNDS));
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "benchmark-photos.txt"), report);
    }

    /** Smooth gradients with noise: compresses like a photo, not like a flat test card. */
    private static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 255 / width + random.nextInt(24)) & 0xFF;
                int g = (y * 255 / height + random.nextInt(24)) & 0xFF;
                int b = ((x + y) * 255 / (width + height) + random.nextInt(24)) & 0xFF;
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }
}
