package cn.luoyang.pollution.complaint.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Takes out of an uploaded MP4 or MOV video (ISO base media file format / QuickTime) what a phone writes
 * beside the pictures (视频元数据): the position ({@code ©xyz}, {@code loci}, Apple's
 * {@code com.apple.quicktime.location.ISO6709}), the time, make, model and software. They live in
 * {@code udta} and {@code meta} boxes at the top level, in {@code moov} and in each {@code trak}, and in
 * {@code uuid} boxes (XMP) at those levels. Each such box is neutralised in place: its type becomes
 * {@code free} and its payload zeros. No box changes size, so no chunk offset ({@code stco},
 * {@code co64}) moves and the video plays as before; only box headers are read, the media data is
 * skipped. A box whose size is 1 has a 64-bit size after its type; a size of 0 runs to the end of the
 * box around it (the end of the file at the top). A structure whose sizes do not add up, or a file
 * without {@code moov}, is not a video.
 */
public final class VideoScrubber {

    private static final Set<String> TYPES = Set.of("video/mp4", "video/quicktime");
    private static final Set<String> METADATA = Set.of("udta", "meta", "uuid");
    /** Where metadata boxes are looked for, and which boxes inside each are walked into. */
    private static final Map<String, Set<String>> WALKED = Map.of("", Set.of("moov"), "moov", Set.of("trak"), "trak", Set.of());
    private static final byte[] FREE = "free".getBytes(StandardCharsets.US_ASCII);
    private static final int ZEROS = 64 * 1024;

    /** Whether videos of this type can be cleaned of their metadata. */
    public boolean handles(String mediaType) {
        return TYPES.contains(mediaType);
    }

    /**
     * Neutralises the metadata boxes of the video in the channel (read and written in place).
     *
     * @return how many boxes were neutralised
     * @throws UnreadableMediaException when the box structure is broken or there is no {@code moov}
     */
    public int neutralise(String mediaType, SeekableByteChannel video) throws IOException {
        Walk walk = new Walk(video, mediaType);
        walk.boxes("", 0, video.size());
        if (!walk.movie) {
            throw walk.broken();
        }
        return walk.neutralised;
    }

    private static final class Walk {

        private final SeekableByteChannel video;
        private final String mediaType;
        private boolean movie;
        private int neutralised;

        Walk(SeekableByteChannel video, String mediaType) {
            this.video = video;
            this.mediaType = mediaType;
        }

        void boxes(String parent, long start, long end) throws IOException {
            long at = start;
            while (at < end) {
                if (end - at < 8) {
                    throw broken();
                }
                ByteBuffer header = read(at, 8);
                long size = header.getInt() & 0xFFFFFFFFL;
                String type = fourcc(header);
                int headerBytes = 8;
                if (size == 1) {
                    if (end - at < 16) {
                        throw broken();
                    }
                    size = read(at + 8, 8).getLong();
                    headerBytes = 16;
                    if (size < 16) {
                        throw broken();
                    }
                } else if (size == 0) {
                    size = end - at;
                } else if (size < 8) {
                    throw broken();
                }
                if (size > end - at) {
                    throw broken();
                }
                if (parent.isEmpty() && type.equals("moov")) {
                    movie = true;
                }
                if (METADATA.contains(type)) {
                    free(at, headerBytes, size);
                } else if (WALKED.get(parent).contains(type)) {
                    boxes(type, at + headerBytes, at + size);
                }
                at += size;
            }
        }

        private void free(long at, int headerBytes, long size) throws IOException {
            video.position(at + 4);
            writeFully(ByteBuffer.wrap(FREE));
            video.position(at + headerBytes);
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZEROS, Math.max(size - headerBytes, 0)));
            for (long left = size - headerBytes; left > 0; left -= zeros.limit()) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), left));
                writeFully(zeros);
            }
            neutralised++;
        }

        private ByteBuffer read(long at, int bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(bytes);
            video.position(at);
            while (buffer.hasRemaining()) {
                if (video.read(buffer) < 0) {
                    throw new EOFException();
                }
            }
            return buffer.flip();
        }

        private void writeFully(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                video.write(buffer);
            }
        }

        private static String fourcc(ByteBuffer header) {
            byte[] type = new byte[4];
            header.get(type);
            return new String(type, StandardCharsets.ISO_8859_1);
        }

        UnreadableMediaException broken() {
            return new UnreadableMediaException("could not be read as " + mediaType + ": its boxes do not add up");
        }
    }
}
