package cn.luoyang.pollution.dispatch.queue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The manual-queue clock's escalations, one per complaint, shared by every instance. */
public interface QueueClocks {

    /** Which of these complaints have an escalation already (claimed or published). */
    Set<String> escalated(Collection<String> complaintIds);

    /** Takes a complaint's escalation; false, with nothing written, when any instance took it before. */
    boolean claim(QueueEscalation escalation);

    /** Escalations claimed at or before {@code at} and never published (their instance died in between). */
    List<QueueEscalation> unpublishedClaimedBefore(Instant at);

    /** Takes over an unpublished escalation, on condition that nobody took it since {@code stale} was read. */
    boolean reclaim(QueueEscalation stale, Instant at);

    void published(String complaintId, Instant at);
}
