package cn.luoyang.pollution.dispatch.registry;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The registered sources in memory with an STRtree over their positions: the embedded MongoDB has
 * no geo queries, and a lookup per complaint must cost microseconds. Built from the collection at
 * start; every write swaps in a rebuilt tree (copy-on-write), so readers never lock and writes,
 * which are rare administrative acts, pay the few milliseconds.
 */
public final class SourceIndex {

    private final Map<String, PollutionSource> byId = new ConcurrentHashMap<>();
    private volatile STRtree tree = new STRtree();

    public SourceIndex(Collection<PollutionSource> sources) {
        sources.forEach(s -> byId.put(s.id(), s));
        rebuild();
    }

    public Optional<PollutionSource> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    public synchronized void put(Collection<PollutionSource> sources) {
        sources.forEach(s -> byId.put(s.id(), s));
        rebuild();
    }

    public synchronized void remove(String id) {
        if (byId.remove(id) != null) {
            rebuild();
        }
    }

    /** The nearest source of one of the given types within {@code maxMetres}, if any. */
    public Optional<SourceLink> nearest(LonLat point, Set<SourceType> types, double maxMetres) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        double dLat = LonLat.latitudeDegrees(maxMetres);
        double dLon = point.longitudeDegrees(maxMetres);
        Envelope around = new Envelope(point.longitude() - dLon, point.longitude() + dLon,
                point.latitude() - dLat, point.latitude() + dLat);
        @SuppressWarnings("unchecked")
        List<PollutionSource> candidates = tree.query(around);
        PollutionSource best = null;
        double bestMetres = Double.MAX_VALUE;
        for (PollutionSource source : candidates) {
            if (!types.contains(source.type())) {
                continue;
            }
            double metres = point.metresTo(source.position());
            if (metres <= maxMetres && (metres < bestMetres || metres == bestMetres && source.id().compareTo(best.id()) < 0)) {
                best = source;
                bestMetres = metres;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new SourceLink(best, bestMetres));
    }

    private void rebuild() {
        STRtree fresh = new STRtree();
        for (PollutionSource source : byId.values()) {
            fresh.insert(new Envelope(source.longitude(), source.longitude(), source.latitude(), source.latitude()), source);
        }
        fresh.build();
        tree = fresh;
    }
}
