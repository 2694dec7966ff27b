package cn.luoyang.pollution.complaint.publicsurface;

/** The public endpoints that anyone may call and that are rate-limited per client (公开接口限流). */
public enum Surface {
    /** Filing a report: the JSON API and Open311's {@code POST requests}. */
    INTAKE,
    /** Uploading a photo or video. */
    MEDIA,
    /** Looking a report up (API and page), and rating it on the page (which checks the number again). */
    LOOKUP;

    /** Which surface a request belongs to, or {@code null} for one that is not limited. */
    public static Surface of(String method, String path) {
        if ("POST".equals(method) && (path.equals("/api/complaints") || path.startsWith("/open311/v2/requests."))) {
            return INTAKE;
        }
        if ("POST".equals(method) && path.equals("/api/media")) {
            return MEDIA;
        }
        if (("GET".equals(method) && (path.startsWith("/api/complaints/") || path.equals("/track")))
                || ("POST".equals(method) && (path.equals("/track") || path.equals("/track/rating")))) {
            return LOOKUP;
        }
        return null;
    }
}
