package cn.luoyang.pollution.notification.gateway;

/** A gateway did not confirm a message. {@link #outcome()} says what that means for a retry. */
public class GatewayException extends RuntimeException {

    /** What the sender knows about the message after the failure. */
    public enum Outcome {
        /** The gateway certainly did not take it (not connected, refused the connection, throttled): retry. */
        NOT_SENT,
        /** The gateway refused this message for good (bad number, template refused): do not retry. */
        REJECTED,
        /** The request may have reached the carrier (timeout after sending): a retry could send twice. */
        UNKNOWN
    }

    private final Outcome outcome;

    public GatewayException(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    public GatewayException(Outcome outcome, String message) {
        this(outcome, message, null);
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean safeToRetry() {
        return outcome == Outcome.NOT_SENT;
    }
}
