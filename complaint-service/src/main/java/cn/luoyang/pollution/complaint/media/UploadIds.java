package cn.luoyang.pollution.complaint.media;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The public id of an upload (上传编号): 128 bits from {@link SecureRandom}, URL-safe base64 without
 * padding (22 characters). It has no structure — no time, no counter, no machine — so one id tells
 * nothing about another, and a guess hits an upload with odds of about one in 2^128 divided by the
 * number stored. The store's own id (a GridFS ObjectId: a timestamp and a counter) never leaves the
 * service.
 */
public final class UploadIds {

    private static final int BYTES = 16;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private UploadIds() {
    }

    public static String next() {
        byte[] bits = new byte[BYTES];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether a text has the shape of a public id (worth one indexed read). */
    public static boolean wellFormed(String id) {
        return id != null && SHAPE.matcher(id).matches();
    }
}
