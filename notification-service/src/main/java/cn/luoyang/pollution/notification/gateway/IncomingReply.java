package cn.luoyang.pollution.notification.gateway;

import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import java.time.Instant;

/**
 * A reporter's SMS to the city's number (MO). The sender's number is plaintext only in memory, to
 * compute its keyed hash; {@link #toString()} masks it.
 */
public record IncomingReply(String fromNumber, String text, Instant receivedAt) {

    @Override
    public String toString() {
        String masked = PhoneNumbers.isMainlandMobile(fromNumber) ? PhoneNumbers.mask(fromNumber) : "<unknown>";
        return "IncomingReply[from " + masked + ", " + (text == null ? 0 : text.length()) + " chars]";
    }
}
