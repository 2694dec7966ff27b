package cn.luoyang.pollution.complaint.intake;

import java.util.Set;

/** What photos and videos a report may carry: types, size per type family, how many. */
public record MediaLimits(Set<String> imageTypes, Set<String> videoTypes, long maxImageBytes, long maxVideoBytes, int maxItems) {

    public static MediaLimits defaults() {
        return new MediaLimits(Set.of("image/jpeg", "image/png", "image/webp", "image/heic"),
                Set.of("video/mp4", "video/quicktime"), 10L * 1024 * 1024, 100L * 1024 * 1024, 9);
    }

    public boolean allows(String mediaType) {
        return mediaType != null && (imageTypes.contains(mediaType) || videoTypes.contains(mediaType));
    }

    public long maxBytesFor(String mediaType) {
        return videoTypes.contains(mediaType) ? maxVideoBytes : maxImageBytes;
    }
}
