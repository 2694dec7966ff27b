package cn.luoyang.pollution.complaint.monitoring;

import java.util.Optional;

/** A packet the receiver does not take, with the reason and, once its header could be read, the header. */
public final class PacketRefused extends RuntimeException {

    private final Refusal reason;
    private final transient Packet packet;

    PacketRefused(Refusal reason, String detail) {
        this(reason, null, detail);
    }

    PacketRefused(Refusal reason, Packet packet, String detail) {
        super(reason.tag() + ": " + detail, null, false, false);
        this.reason = reason;
        this.packet = packet;
    }

    public Refusal reason() {
        return reason;
    }

    public Optional<Packet> packet() {
        return Optional.ofNullable(packet);
    }
}
