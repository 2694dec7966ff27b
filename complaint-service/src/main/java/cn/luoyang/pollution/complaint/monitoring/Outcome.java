package cn.luoyang.pollution.complaint.monitoring;

import java.util.Optional;

/** What the receiver made of one packet. */
public sealed interface Outcome {

    /** The answer to write back to the device, when it asked for one. */
    Optional<byte[]> answer();

    /**
     * A data upload from a registered, authenticated monitor. Its answer (CN 9014) is due once the reading
     * is safely stored: a device that gets no answer sends the packet again.
     */
    record Accepted(Reading reading, Monitor monitor, Optional<byte[]> answer) implements Outcome {
    }

    /** Refused with its reason; answered (CN 9011) only when the header could be read and the device asked. */
    record Refused(Refusal reason, Optional<byte[]> answer) implements Outcome {
    }
}
