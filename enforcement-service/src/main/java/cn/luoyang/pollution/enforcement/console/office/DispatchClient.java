package cn.luoyang.pollution.enforcement.console.office;

import cn.luoyang.pollution.enforcement.console.ConsoleProperties;
import cn.luoyang.pollution.enforcement.console.PeerService.Listing;
import cn.luoyang.pollution.enforcement.console.PeerService.Outcome;
import cn.luoyang.pollution.enforcement.console.PeerService;
import cn.luoyang.pollution.kit.security.ServiceAccountCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * dispatch-service's campaign-office endpoints over HTTP ({@code console.dispatch-base-url}): the
 * manual queue and arbitration are dispatch's decisions, so the console only shows and forwards.
 * Calls go through {@link PeerService}, on behalf of the signed-in person, whom dispatch records as the author.
 * The maps' reads are cached: a grid's outline for as long as the service runs (dispatch builds its grid at start),
 * the monitors for a minute (the registry changes rarely). A failed read is not cached, so the next page asks again.
 */
@Component
public class DispatchClient {

    static final Duration MONITORS_FOR = Duration.ofMinutes(1);
    /** Far more than the city's ~3,400 grids are ever opened by cases at once; past it the cache starts over. */
    private static final int OUTLINES_KEPT = 5_000;

    private final PeerService dispatch;
    /** The maps' reads only add to a page: short timeouts (1 s to connect, 2 s to answer). */
    private final PeerService maps;
    private final Clock clock;
    private final Map<String, Map<String, Object>> outlines = new ConcurrentHashMap<>();
    private volatile Listing monitors;
    private volatile Instant monitorsRead = Instant.MIN;

    DispatchClient(RestClient.Builder builder, ConsoleProperties properties, ServiceAccountCalls serviceAccount, Clock clock) {
        this.dispatch = new PeerService(builder, serviceAccount, properties.dispatchBaseUrl());
        this.maps = new PeerService(builder, serviceAccount, properties.dispatchBaseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(2));
        this.clock = clock;
    }

    /** The grid cell's outline and its neighbours' (GeoJSON FeatureCollection, GCJ-02); empty when dispatch does not give it. */
    public Optional<Map<String, Object>> gridOutline(String gridId) {
        Map<String, Object> kept = outlines.get(gridId);
        if (kept != null) {
            return Optional.of(kept);
        }
        Outcome read = maps.get("/dispatch/territory/grids/{id}/outline", gridId);
        if (!read.ok()) {
            return Optional.empty();
        }
        if (outlines.size() >= OUTLINES_KEPT) {
            outlines.clear();
        }
        outlines.put(gridId, read.body());
        return Optional.of(read.body());
    }

    /** Every registered monitor with its source's position (GCJ-02), or why dispatch could not list them. */
    public Listing monitors() {
        Instant now = clock.instant();
        Listing kept = monitors;
        if (kept != null && now.isBefore(monitorsRead.plus(MONITORS_FOR))) {
            return kept;
        }
        Listing read = maps.list("/dispatch/monitors");
        if (read.unavailable() == null) {
            monitors = read;
            monitorsRead = now;
        }
        return read;
    }

    public Listing queue() {
        return dispatch.list("/dispatch/queue");
    }

    public Listing arbitrations() {
        return dispatch.list("/dispatch/arbitrations");
    }

    public Outcome assign(String complaintId, Map<String, Object> assignment) {
        return dispatch.post("/dispatch/queue/{id}/assign", complaintId, assignment);
    }

    public Outcome arbitrate(String caseId, Map<String, Object> decision) {
        return dispatch.post("/dispatch/arbitrations/{id}/decide", caseId, decision);
    }
}
