package cn.luoyang.pollution.dispatch.common;

/** The request does not fit the current state, e.g. assigning a complaint that is no longer queued (HTTP 409). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
