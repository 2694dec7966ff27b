package cn.luoyang.pollution.complaint.intake;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a day's sequence number into the ten digits a reporter sees, so that tracking numbers
 * (受理编号) cannot be enumerated: a keyed permutation of {@code [0, 10^10)} (a balanced Feistel
 * network over 34 bits, HMAC-SHA256 as the round function, the day as a tweak, cycle-walking back
 * into range). It is a bijection, so distinct sequences still give distinct numbers — uniqueness
 * stays with the counter — but without the key neither the next number nor the day's volume can be
 * read from one: of 10 billion numbers a day, a guess hits one of a city's few thousand reports
 * with odds of about one in a million, before the lookup's last-four-digits check and rate limits.
 */
public final class TrackingNumberPermutation {

    /** Ten decimal digits. */
    public static final long RANGE = 10_000_000_000L;
    private static final int HALF_BITS = 17;
    private static final long HALF_MASK = (1L << HALF_BITS) - 1;
    private static final int ROUNDS = 8;

    private final SecretKeySpec key;

    public TrackingNumberPermutation(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the tracking-number key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The day's {@code sequence}-th number, a value in {@code [0, RANGE)}. */
    public long apply(LocalDate day, long sequence) {
        if (sequence < 0 || sequence >= RANGE) {
            throw new IllegalArgumentException("sequence " + sequence + " is outside [0, " + RANGE + ")");
        }
        Mac mac = mac();
        long x = sequence;
        do {
            x = encipher(mac, day.toEpochDay(), x);
        } while (x >= RANGE);
        return x;
    }

    private static long encipher(Mac mac, long tweak, long value) {
        long left = value >>> HALF_BITS;
        long right = value & HALF_MASK;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ round(mac, tweak, round, right);
            left = right;
            right = next;
        }
        return (left << HALF_BITS) | right;
    }

    private static long round(Mac mac, long tweak, int round, long half) {
        byte[] digest = mac.doFinal(ByteBuffer.allocate(13).putLong(tweak).put((byte) round).putInt((int) half).array());
        return ByteBuffer.wrap(digest).getLong() & HALF_MASK;
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
