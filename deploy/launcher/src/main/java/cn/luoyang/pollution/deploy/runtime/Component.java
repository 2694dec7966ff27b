package cn.luoyang.pollution.deploy.runtime;

/**
 * The processes of the local runtime, in start order: the identity provider first (alongside the
 * infrastructure), then the services together once the infrastructure answers.
 */
public enum Component {
    IDENTITY("identity-service", "IDENTITY"),
    KAFKA("kafka-broker", null),
    MONGO("mongo-server", null),
    COMPLAINT("complaint-service", "COMPLAINT"),
    DISPATCH("dispatch-service", "DISPATCH"),
    ENFORCEMENT("enforcement-service", "ENFORCEMENT"),
    NOTIFICATION("notification-service", "NOTIFICATION");

    private final String processName;
    private final String envPrefix;

    Component(String processName, String envPrefix) {
        this.processName = processName;
        this.envPrefix = envPrefix;
    }

    public String processName() {
        return processName;
    }

    /** One of the four platform services (not the identity provider, not the infrastructure). */
    public boolean isService() {
        return envPrefix != null && this != IDENTITY;
    }

    /** Prefix of the per-service environment variables, e.g. {@code COMPLAINT_MONGODB_URI}. */
    public String envPrefix() {
        return envPrefix;
    }

    public static Component[] services() {
        return new Component[] {COMPLAINT, DISPATCH, ENFORCEMENT, NOTIFICATION};
    }

    public static Component byName(String name) {
        for (Component c : values()) {
            if (c.processName.equals(name) || c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no component named " + name);
    }
}
