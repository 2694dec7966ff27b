package cn.luoyang.pollution.testing.monitors;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What a device and the city's registry clerk do, written from the standard and the registry's format rather than
 * taken from the receiver, so the simulator checks the receiver instead of agreeing with it by construction: the
 * packet ({@code ##}, four-digit length, segment, CRC-16 of annex A, CR LF) and a password's registry hash
 * ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, base64, 256 bits).
 */
public final class Hj212Device {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Hj212Device() {
    }

    /** A data segment as a packet of the standard. */
    public static byte[] packet(String segment) {
        byte[] bytes = segment.getBytes(StandardCharsets.US_ASCII);
        String frame = "##" + String.format(Locale.ROOT, "%04d", bytes.length) + segment
                + String.format(Locale.ROOT, "%04X", crc(bytes)) + "\r\n";
        return frame.getBytes(StandardCharsets.US_ASCII);
    }

    /** HJ 212-2017 annex A: register 0xFFFF; each byte XORed into the register's high byte shifted down; poly 0xA001. */
    static int crc(byte[] bytes) {
        int register = 0xFFFF;
        for (byte b : bytes) {
            register = (register >>> 8) ^ (b & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                register = (register & 1) != 0 ? (register >>> 1) ^ 0xA001 : register >>> 1;
            }
        }
        return register;
    }

    /** The registry's hash of a device password (PBKDF2 with HMAC-SHA256, a random 16-byte salt). */
    public static String passwordHash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
