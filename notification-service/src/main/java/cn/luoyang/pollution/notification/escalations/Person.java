package cn.luoyang.pollution.notification.escalations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One entry of the escalation directory (责任人名录): who holds a role for a unit (a department as
 * the case events name it, e.g. {@code HOUSING_CONSTRUCTION}, or {@code DEPARTMENT@territory}) or
 * for an office. The mobile number is kept only sealed for this service and masked.
 */
public record Person(String id, String unit, Role role, String name, String sealedMobile, String maskedMobile,
        String updatedBy, Instant updatedAt) {

    /** The recipient id of this person's messages, where a reporter's message has a complaint id. */
    public static final String RECIPIENT_PREFIX = "person:";

    /** Stable id of a (unit, role, name): a re-import updates the same entry. */
    public static String idOf(String unit, Role role, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((unit + "|" + role + "|" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String recipientId() {
        return RECIPIENT_PREFIX + id;
    }

    @Override
    public String toString() {
        return "Person[" + id + ", " + unit + ", " + role + ", " + name + ", " + maskedMobile + "]";
    }
}
