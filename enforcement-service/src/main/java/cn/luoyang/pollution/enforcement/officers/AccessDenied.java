package cn.luoyang.pollution.enforcement.officers;

/** The officer may not see or do this (answered with HTTP 403). */
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
