package cn.luoyang.pollution.complaint.monitoring;

/** Why the receiver refused a packet; {@link #tag()} is the {@code reason} of the refusal counter. */
public enum Refusal {
    /** A byte outside printable ASCII (the standard's packets are ASCII text). */
    NON_ASCII("non-ascii"),
    /** Longer than the largest packet the standard allows (a data segment of at most 9999 bytes). */
    OVERSIZED("oversized"),
    /** Shorter than its header and check say, or the connection ended in the middle of it. */
    TRUNCATED("truncated"),
    /** The four length digits are not digits, or the data segment is longer than they say. */
    BAD_LENGTH("bad-length"),
    /** The CRC-16 does not match the data segment. */
    BAD_CRC("bad-crc"),
    /** Ended by a bare LF where the standard requires CR LF. */
    BAD_TERMINATOR("bad-terminator"),
    /** No {@code ##}, a missing or repeated field, or a CP the standard does not allow. */
    BAD_SEGMENT("bad-segment"),
    /** The MN is not in the registry. */
    UNKNOWN_MN("unknown-mn"),
    /** The PW does not match the registry's hash for this MN. */
    BAD_PASSWORD("bad-password"),
    /** A command this receiver does not take (it takes real-time, minute and hourly data). */
    UNSUPPORTED_COMMAND("unsupported-command"),
    /** Too many readings wait for the broker; the device is not acknowledged and sends again. */
    OVERLOADED("overloaded");

    private final String tag;

    Refusal(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
