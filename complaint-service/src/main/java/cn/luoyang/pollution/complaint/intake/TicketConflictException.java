package cn.luoyang.pollution.complaint.intake;

/**
 * A ticket id (or Idempotency-Key) came again with a different report. Answering with the first
 * report's tracking number would hand a stranger someone else's complaint, so it is refused.
 */
public class TicketConflictException extends RuntimeException {

    public TicketConflictException(String naturalKey) {
        super("ticket " + naturalKey + " was already used for a different report");
    }
}
