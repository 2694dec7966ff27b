package cn.luoyang.pollution.dispatch.queue;

import cn.luoyang.pollution.contracts.Event;
import java.util.Collection;
import java.util.Set;

/** The manual-queue clock's escalations, one per complaint, shared by every instance. */
public interface QueueClocks {

    /** Which of these complaints have an escalation already. */
    Set<String> escalated(Collection<String> complaintIds);

    /**
     * Takes a complaint's escalation, with {@code announced} in its outbox (one write); false, with
     * nothing written, when any instance took it before.
     */
    boolean claim(QueueEscalation escalation, Event announced);
}
