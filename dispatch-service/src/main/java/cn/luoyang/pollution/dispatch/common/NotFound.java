package cn.luoyang.pollution.dispatch.common;

/** The thing asked for does not exist (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
