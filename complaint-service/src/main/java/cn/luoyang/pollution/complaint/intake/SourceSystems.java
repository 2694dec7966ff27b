package cn.luoyang.pollution.complaint.intake;

/**
 * Who sent a report (来源系统), the first half of its natural key {@code sourceSystem:externalTicketId}.
 * The channels are kept apart so that no caller can name another channel's ticket: what an anonymous
 * caller of the JSON API names is put under {@code web:} (and a caller that names nothing is
 * {@code web}), an Open311 client is {@code open311:<client>} (the client its API key proves), and
 * only the Kafka intake, where each hotline's producer is authenticated, uses bare names; a bare name
 * is never {@code web} or {@code open311} and has no {@code :}, so its keys cannot be an HTTP key.
 */
public final class SourceSystems {

    public static final String WEB = "web";
    public static final String OPEN311 = "open311";

    private SourceSystems() {
    }

    /** The JSON API's source for what the caller named ({@code null}: nothing). */
    public static String web(String named) {
        return named == null ? WEB : WEB + ":" + named;
    }

    /** An Open311 client's source. */
    public static String open311(String client) {
        return OPEN311 + ":" + client;
    }

    /** Whether a name belongs to the HTTP channels (a hotline on Kafka may not use it). */
    public static boolean ofHttp(String source) {
        return source.equals(WEB) || source.equals(OPEN311) || source.startsWith(WEB + ":") || source.startsWith(OPEN311 + ":");
    }
}
