package cn.luoyang.pollution.complaint.media;

import cn.luoyang.pollution.complaint.intake.MediaLimits;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an upload must be: an allowed type, within the size for that type, and bytes that really
 * start like that type (a renamed executable is not a photo).
 */
public final class MediaPolicy {

    private final MediaLimits limits;

    public MediaPolicy(MediaLimits limits) {
        this.limits = limits;
    }

    public List<FieldError> violations(String declaredType, long size, byte[] head) {
        List<FieldError> errors = new ArrayList<>();
        if (!limits.allows(declaredType)) {
            errors.add(new FieldError("file", "type " + declaredType + " is not accepted; send a photo (jpeg, png, webp, heic) or a video (mp4, mov)"));
            return errors;
        }
        if (size <= 0) {
            errors.add(new FieldError("file", "is empty"));
        } else if (size > limits.maxBytesFor(declaredType)) {
            errors.add(new FieldError("file", "is " + size + " bytes; at most " + limits.maxBytesFor(declaredType) + " for " + declaredType));
        }
        if (size > 0 && !looksLike(declaredType, head)) {
            errors.add(new FieldError("file", "content is not " + declaredType));
        }
        return errors;
    }

    public long maxBytes() {
        return Math.max(limits.maxImageBytes(), limits.maxVideoBytes());
    }

    static boolean looksLike(String type, byte[] head) {
        return switch (type) {
            case "image/jpeg" -> starts(head, 0, 0xFF, 0xD8, 0xFF);
            case "image/png" -> starts(head, 0, 0x89, 'P', 'N', 'G');
            case "image/webp" -> starts(head, 0, 'R', 'I', 'F', 'F') && starts(head, 8, 'W', 'E', 'B', 'P');
            case "image/heic", "video/mp4", "video/quicktime" -> starts(head, 4, 'f', 't', 'y', 'p');
            default -> false;
        };
    }

    private static boolean starts(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        int[] actual = new int[expected.length];
        for (int i = 0; i < expected.length; i++) {
            actual[i] = head[offset + i] & 0xFF;
        }
        return Arrays.equals(actual, expected);
    }
}
