package cn.luoyang.pollution.complaint.media;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.intake.MediaLimits;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaPolicyTest {

    private final MediaPolicy policy = new MediaPolicy(MediaLimits.defaults());
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    private static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};

    @Test
    void aRealPhotoWithinTheLimitPasses() {
        assertThat(policy.violations("image/jpeg", 500_000, JPEG)).isEmpty();
        assertThat(policy.violations("video/mp4", 50_000_000, MP4)).isEmpty();
    }

    @Test
    void wrongTypeTooLargeEmptyAndDisguisedFilesAreRefused() {
        assertThat(policy.violations("application/pdf", 100, "%PDF".getBytes(StandardCharsets.UTF_8)))
                .extracting(FieldError::message).anyMatch(m -> m.contains("not accepted"));
        assertThat(policy.violations("image/jpeg", 11L * 1024 * 1024, JPEG)).extracting(FieldError::message)
                .anyMatch(m -> m.contains("at most 10485760"));
        assertThat(policy.violations("video/mp4", 101L * 1024 * 1024, MP4)).isNotEmpty();
        assertThat(policy.violations("image/png", 0, new byte[0])).extracting(FieldError::message).containsExactly("is empty");
        assertThat(policy.violations("image/png", 100, JPEG)).extracting(FieldError::message).containsExactly("content is not image/png");
    }
}
