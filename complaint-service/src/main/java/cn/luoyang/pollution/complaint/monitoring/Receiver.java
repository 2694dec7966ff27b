package cn.luoyang.pollution.complaint.monitoring;

import java.util.Optional;

/**
 * The HJ 212-2017 receiver (数据接收): checks a frame, authenticates its device against the registry and
 * decodes its reading. Knows nothing of sockets or Kafka: the adapters hand it frames and publish what it
 * accepts.
 */
public final class Receiver {

    private final Monitors monitors;
    private final PacketParser parser = new PacketParser();
    private final ReadingDecoder decoder = new ReadingDecoder();

    public Receiver(Monitors monitors) {
        this.monitors = monitors;
    }

    /** A frame without its CR LF. Never throws for anything the device sent. */
    public Outcome receive(byte[] frame, DeviceSession session) {
        Packet packet;
        try {
            packet = parser.parse(frame);
        } catch (PacketRefused refused) {
            return new Outcome.Refused(refused.reason(), Optional.empty());
        }
        Optional<Monitor> monitor = monitors.byMn(packet.mn());
        if (monitor.isEmpty()) {
            return refused(packet, Refusal.UNKNOWN_MN, Answers.WRONG_MN);
        }
        if (!session.hasProven(packet.mn(), packet.pw())) {
            if (!MonitorPasswords.matches(packet.pw(), monitor.get().passwordHash())) {
                return refused(packet, Refusal.BAD_PASSWORD, Answers.WRONG_PW);
            }
            session.proved(packet.mn(), packet.pw());
        }
        Optional<ReadingInterval> interval = ReadingInterval.ofCommand(packet.cn());
        if (interval.isEmpty()) {
            return refused(packet, Refusal.UNSUPPORTED_COMMAND, Answers.WRONG_CN);
        }
        try {
            Reading reading = decoder.decode(packet, interval.get());
            return new Outcome.Accepted(reading, monitor.get(),
                    packet.wantsAnswer() ? Optional.of(Answers.data(packet)) : Optional.empty());
        } catch (PacketRefused refused) {
            return new Outcome.Refused(refused.reason(), Optional.empty());
        }
    }

    private static Outcome refused(Packet packet, Refusal reason, int qnRtn) {
        return new Outcome.Refused(reason,
                packet.wantsAnswer() ? Optional.of(Answers.request(packet, qnRtn)) : Optional.empty());
    }
}
