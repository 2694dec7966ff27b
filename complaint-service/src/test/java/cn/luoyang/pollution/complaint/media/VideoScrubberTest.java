package cn.luoyang.pollution.complaint.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.complaint.support.Movies;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoScrubberTest {

    private static final int MEDIA = 5000;

    private final VideoScrubber videos = new VideoScrubber();

    @TempDir
    Path dir;

    @Test
    void aPhoneVideoLosesItsPositionInPlaceAndKeepsEveryOtherByte() throws IOException {
        byte[] sent = Movies.phoneVideo(MEDIA);
        assertThat(Movies.contains(sent, "+34.6197")).isTrue();

        Scrubbed kept = scrub(sent);

        assertThat(kept.neutralised).isEqualTo(4);
        assertThat(Movies.contains(kept.bytes, "+34.6197")).isFalse();
        assertThat(Movies.contains(kept.bytes, "ISO6709")).isFalse();
        assertThat(Movies.contains(kept.bytes, "Core Media Video")).isFalse();
        assertThat(kept.bytes).hasSameSizeAs(sent);
        assertThat(tail(kept.bytes, MEDIA)).isEqualTo(Movies.media(MEDIA)).isEqualTo(tail(sent, MEDIA));
        // the box tree still parses, with the metadata boxes now free space of the same size
        List<String> top = Movies.types(kept.bytes, 0, kept.bytes.length);
        assertThat(top).containsExactly("ftyp@0", "moov@32", "mdat@" + (kept.bytes.length - MEDIA - 8));
        List<String> movie = Movies.types(kept.bytes, 40, kept.bytes.length - MEDIA - 8);
        assertThat(movie).extracting(t -> t.substring(0, 4)).containsExactly("mvhd", "trak", "free", "free");
        assertThat(movie).containsExactlyElementsOf(Movies.types(sent, 40, sent.length - MEDIA - 8).stream()
                .map(t -> t.startsWith("udta") || t.startsWith("meta") ? "free" + t.substring(4) : t).toList());
        int trak = Integer.parseInt(movie.get(1).substring(5));
        int trakEnd = trak + ByteBuffer.wrap(kept.bytes).getInt(trak);
        assertThat(Movies.types(kept.bytes, trak + 8, trakEnd)).extracting(t -> t.substring(0, 4))
                .containsExactly("tkhd", "mdia", "free", "free");
        // the sample table (stco) and everything else outside the freed boxes is untouched
        assertThat(Arrays.copyOfRange(kept.bytes, 0, trak + 8 + 92 + 44))
                .isEqualTo(Arrays.copyOfRange(sent, 0, trak + 8 + 92 + 44));
        assertThat(scrub(kept.bytes).neutralised).isZero();
    }

    @Test
    void aSixtyFourBitSizeIsReadAndABoxAfterItIsFound() throws IOException {
        byte[] sent = Movies.withLargeMdat(MEDIA);

        Scrubbed kept = scrub(sent);

        assertThat(kept.neutralised).isEqualTo(5);
        assertThat(Movies.contains(kept.bytes, "+34.6197")).isFalse();
        assertThat(kept.bytes).hasSameSizeAs(sent);
        List<String> top = Movies.types(kept.bytes, 0, kept.bytes.length);
        assertThat(top).extracting(t -> t.substring(0, 4)).containsExactly("ftyp", "moov", "mdat", "free");
        int mdat = Integer.parseInt(top.get(2).substring(5));
        assertThat(Arrays.copyOfRange(kept.bytes, mdat, mdat + 16 + MEDIA)).isEqualTo(Arrays.copyOfRange(sent, mdat, mdat + 16 + MEDIA));
    }

    @Test
    void aLastBoxOfSizeZeroRunsToTheEndOfTheFile() throws IOException {
        byte[] sent = Movies.withOpenEndedMdat(MEDIA);

        Scrubbed kept = scrub(sent);

        assertThat(kept.neutralised).isEqualTo(4);
        assertThat(Movies.contains(kept.bytes, "+34.6197")).isFalse();
        assertThat(tail(kept.bytes, MEDIA + 8)).isEqualTo(tail(sent, MEDIA + 8));
    }

    @Test
    void aBrokenBoxStructureIsNoVideo() {
        byte[] video = Movies.phoneVideo(MEDIA);
        byte[] tooLong = video.clone();
        ByteBuffer.wrap(tooLong).putInt(32, video.length); // moov claims more than the file holds
        byte[] tooShort = video.clone();
        ByteBuffer.wrap(tooShort).putInt(40, 4); // mvhd smaller than its own header
        byte[] tinyLarge = video.clone();
        ByteBuffer.wrap(tinyLarge).putInt(40, 1).putLong(48, 8); // a 64-bit size below 16
        byte[] trailing = Arrays.copyOf(video, video.length + 5); // five bytes that are no box
        byte[] noMovie = concat(Movies.ftyp(), Movies.box("mdat", Movies.media(MEDIA)));

        for (byte[] broken : List.of(tooLong, tooShort, tinyLarge, trailing, noMovie)) {
            assertThatThrownBy(() -> scrub(broken)).isInstanceOf(UnreadableMediaException.class)
                    .hasMessage("could not be read as video/mp4: its boxes do not add up");
        }
    }

    private Scrubbed scrub(byte[] video) throws IOException {
        Path file = Files.createTempFile(dir, "video", ".mp4");
        Files.write(file, video);
        int neutralised;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            neutralised = videos.neutralise("video/mp4", channel);
        }
        return new Scrubbed(Files.readAllBytes(file), neutralised);
    }

    private static byte[] tail(byte[] bytes, int n) {
        return Arrays.copyOfRange(bytes, bytes.length - n, bytes.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private record Scrubbed(byte[] bytes, int neutralised) {
    }
}
