package cn.luoyang.pollution.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dispatch.*} settings; defaults in application.yml. */
@ConfigurationProperties("dispatch")
public record DispatchProperties(String cityZone, Territory territory, RegistrySettings registry, Duplicates duplicates,
        Returns returns, Rules rules, Campaigns campaigns, Queue queue, Outbox outbox, java.time.Duration tablesTtl) {

    /** How long the rule table and grid roster an instance last read decide before it reads their version again (2 s unset). */
    public DispatchProperties {
        tablesTtl = tablesTtl == null ? java.time.Duration.ofSeconds(2) : tablesTtl;
    }

    /** Polygon and name files (Spring resource locations), an official grid file (blank: generated), boundary tolerance and the demonstration grid's cell size. */
    public record Territory(String districtsFile, String countiesFile, String townshipsFile, String villagesFile,
            String gridFile, double boundaryToleranceMetres, double gridCellKm) {
    }

    public record RegistrySettings(double linkMetres) {
    }

    public record Duplicates(double radiusMetres, double windowHours) {
    }

    public record Returns(int maxReturns) {
    }

    public record Rules(String seedFile) {
    }

    /**
     * The campaign periods' file (JSON list, Spring resource location) and the city's deadline profiles, shortest
     * first: the names enforcement has clocks for, the only ones a rule table, a hand assignment or a period may
     * name; the built-in URGENT, SIMPLE, STANDARD when not configured.
     */
    public record Campaigns(String file, java.util.List<String> profilesShortestFirst) {
        public Campaigns {
            profilesShortestFirst = profilesShortestFirst == null || profilesShortestFirst.isEmpty()
                    ? cn.luoyang.pollution.contracts.dispatch.DeadlineProfile.builtInNames()
                    : java.util.List.copyOf(profilesShortestFirst);
        }
    }

    /** The manual queue's clock: escalate after {@code escalateAfter} (plain hours). */
    public record Queue(java.time.Duration escalateAfter) {
    }

    /** The outbox relays: a claim on a document holds for {@code lease}; the sweep runs every {@code sweepInterval}. */
    public record Outbox(java.time.Duration lease, java.time.Duration sweepInterval) {
    }
}
