package cn.luoyang.pollution.notification.callbacks;

/** An operator's request that the task's rules do not allow; {@link Kind} says how the API answers. */
public final class CallbackRefused extends RuntimeException {

    /** NOT_FOUND 404, NOT_YOURS 403, TAKEN_BY_OTHER / FINISHED 409, INVALID 400 (naming {@link #field()}). */
    public enum Kind { NOT_FOUND, NOT_YOURS, TAKEN_BY_OTHER, FINISHED, INVALID }

    private final Kind kind;
    private final String field;

    public CallbackRefused(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() { return kind; }
    public String field() { return field; }
}
