package cn.luoyang.pollution.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a server-to-server HTTP call (a provider's callback to us, our webhook to a unit):
 * header {@value #HEADER} {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} with a secret both
 * sides hold. The receiver accepts it only within a window around its own clock, and refuses a
 * signature it has seen before (the replay store is the receiver's: {@link #digest} names a call).
 */
public final class CallbackSignature {

    public static final String HEADER = "X-Signature";
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] secret;

    public CallbackSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a callback secret is required");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Why a presented signature is refused, or {@code VALID}. */
    public enum Verdict { VALID, MISSING, MALFORMED, STALE, FORGED }

    /** The header value for this body, signed at {@code at}. */
    public String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HEX.formatHex(mac(t, body));
    }

    /** Whether {@code header} signs {@code body} with our secret at a time within {@code window} of {@code now}. */
    public Verdict verify(String header, byte[] body, Instant now, Duration window) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        long t;
        byte[] presented;
        try {
            String[] parts = header.split(",", 2);
            if (parts.length != 2 || !parts[0].startsWith("t=") || !parts[1].startsWith("v1=")) {
                return Verdict.MALFORMED;
            }
            t = Long.parseLong(parts[0].substring(2));
            presented = HEX.parseHex(parts[1].substring(3));
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - t) > window.toSeconds()) {
            return Verdict.STALE;
        }
        return MessageDigest.isEqual(mac(t, body), presented) ? Verdict.VALID : Verdict.FORGED;
    }

    /** A name for one signed call (the signature itself), for the receiver's replay store. */
    public static String digest(String header) {
        int at = header.indexOf("v1=");
        return at < 0 ? header : header.substring(at + 3);
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
