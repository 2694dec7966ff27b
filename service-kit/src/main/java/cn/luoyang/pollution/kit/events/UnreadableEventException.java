package cn.luoyang.pollution.kit.events;

/** A record that no retry can fix: it goes to the dead-letter topic with {@link #reason()}. */
public class UnreadableEventException extends RuntimeException {

    private final String reason;

    public UnreadableEventException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    /** A short, countable code such as {@code malformed-json} or {@code validation}. */
    public String reason() {
        return reason;
    }
}
