package cn.luoyang.pollution.contracts.complaint;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The claim code given at filing (领奖凭证) to a reporter who asks for a reward (有奖举报) and leaves no phone:
 * {@value #DIGITS} random digits, shown once in the filing's answer and never kept. What travels in
 * {@link ComplaintRegistered#claimCodeHash()} and what enforcement keeps is this hash of it, written
 * {@code pbkdf2-sha256$<iterations>$<salt>$<key>} (salt and key in unpadded Base64).
 *
 * <p>Why PBKDF2 with a salt and not a plain digest: the code is short, and the hash is readable by everyone
 * who may read {@code complaints.registered} or enforcement's store. A SHA-256 of 10<sup>12</sup> codes is
 * an afternoon on one graphics card; at {@value #ITERATIONS} iterations of HMAC-SHA256 per guess it is
 * 10<sup>17</sup> HMACs (months on such a card for one claim worth at most a few thousand yuan), and the
 * random salt makes every code a search of its own. The public claim checks codes one at a time under a
 * lockout (five wrong a claim an hour), so online guessing is hopeless either way; the cost of a check
 * (tens of milliseconds) is paid only for the few codes the lockout lets through. PBKDF2 is in the JDK, so
 * this module still depends on nothing; the iterations travel with the hash, so they can be raised later.
 */
public final class ClaimCodeHash {

    public static final int DIGITS = 12;
    public static final int ITERATIONS = 100_000;
    static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private ClaimCodeHash() {
    }

    /** A fresh code: {@value #DIGITS} digits from {@code random} (a {@link SecureRandom}). */
    public static String newCode(SecureRandom random) {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /** The hash to publish and keep, under a fresh salt from {@code random}. */
    public static String of(String code, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + "$" + ITERATIONS + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(key(code, salt, ITERATIONS));
    }

    /** Is {@code hash} written by {@link #of}? (Other claims keep another kind of hash.) */
    public static boolean isOne(String hash) {
        return hash != null && hash.startsWith(SCHEME + "$");
    }

    /** Does {@code code} match {@code hash}? Compared in constant time; a malformed hash matches nothing. */
    public static boolean matches(String code, String hash) {
        if (code == null || !isOne(hash)) {
            return false;
        }
        String[] parts = hash.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > 10_000_000) {
                return false;
            }
            return MessageDigest.isEqual(key(code, salt, iterations), expected);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] key(String code, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
