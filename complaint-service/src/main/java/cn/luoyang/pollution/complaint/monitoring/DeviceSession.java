package cn.luoyang.pollution.complaint.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * What one TCP connection has proven: the MN and password pairs already checked against the registry, so
 * the slow password hash runs once per connection and device, not once per packet. Holds digests, not
 * passwords. One connection may carry several MNs (a data collector, 数采仪, with several instruments).
 */
public final class DeviceSession {

    private static final int MAX_DEVICES = 64;

    private final Set<String> proven = new HashSet<>();

    boolean hasProven(String mn, String pw) {
        return proven.contains(digest(mn, pw));
    }

    void proved(String mn, String pw) {
        if (proven.size() >= MAX_DEVICES) {
            proven.clear();
        }
        proven.add(digest(mn, pw));
    }

    private static String digest(String mn, String pw) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((mn + '\0' + pw).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
