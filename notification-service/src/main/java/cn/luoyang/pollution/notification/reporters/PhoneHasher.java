package cn.luoyang.pollution.notification.reporters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) of a phone number: what the database keeps to recognise a number again
 * (per-number caps, survey replies, opt-outs) without keeping the number. Without the key, the
 * hash cannot be reversed by trying all 10^11 numbers.
 */
public final class PhoneHasher {

    private final SecretKeySpec key;

    public PhoneHasher(byte[] secret) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the phone-hash key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The hash of the bare 11-digit form, so {@code +86 138...} and {@code 138...} agree. */
    public String hash(String normalisedNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalisedNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
