package cn.luoyang.pollution.enforcement.rewards;

import cn.luoyang.pollution.contracts.complaint.ClaimCodeHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The claim code (领奖码): 8 digits the reporter receives by SMS and gives with the tracking number, or, for a
 * reporter who left no phone, the 12 digits complaint-service showed them at filing, of which this service only
 * ever sees the slow salted hash ({@link ClaimCodeHash}, carried in {@code complaint.registered.v1}).
 * It is derived from the complaint id with HMAC-SHA256 under a secret only this service holds, so a
 * redelivered closure announces the same code again (the reporter's SMS is sent once, and the code in
 * it stays the valid one). What is stored is a SHA-256 of the claim id and the code, never the code. (The SMS code
 * needs no slow hash: the secret, not the hash, is what keeps it from being recomputed, and only this service
 * stores the hash.)
 */
public final class ClaimCodes {

    private final byte[] secret;

    public ClaimCodes(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("enforcement.rewards.code-secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String codeFor(String claimId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal(claimId.getBytes(StandardCharsets.UTF_8));
            long n = ((h[0] & 0xffL) << 32 | (h[1] & 0xffL) << 24 | (h[2] & 0xffL) << 16 | (h[3] & 0xffL) << 8 | (h[4] & 0xffL));
            return String.format("%08d", n % 100_000_000L);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hash(String claimId, String code) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((claimId + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Does {@code code} prove the claim? Compared in constant time, against whichever kind of hash the claim keeps. */
    public static boolean matches(RewardClaim claim, String code) {
        if (claim.codeGivenAtFiling()) {
            return ClaimCodeHash.matches(code, claim.codeHash());
        }
        return code != null && MessageDigest.isEqual(hash(claim.claimId(), code).getBytes(StandardCharsets.UTF_8),
                claim.codeHash().getBytes(StandardCharsets.UTF_8));
    }
}
