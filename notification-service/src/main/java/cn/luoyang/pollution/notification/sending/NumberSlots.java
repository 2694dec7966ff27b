package cn.luoyang.pollution.notification.sending;

import java.time.Instant;
import java.util.Optional;

/**
 * The sends counted against each number's caps, shared by every instance of the service. Deciding
 * and counting are one atomic step: a message that may go reserves its slot before it is handed
 * over, so two instances (or two workers) can never both take the last slot of a window.
 */
public interface NumberSlots {

    /**
     * Reserves a slot for the message when the caps allow one now (again true for a message that
     * already holds one); otherwise answers the earliest time a cap may allow it.
     */
    Optional<Instant> reserve(String phoneHash, String messageId, Instant now, NumberCaps caps);

    /** Gives a reserved slot back: the message certainly did not reach the carrier. */
    void release(String phoneHash, String messageId);
}
