package cn.luoyang.pollution.dispatch.registry;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The registered sources in memory with an STRtree over their positions: the embedded MongoDB has
 * no geo queries, and a lookup per complaint must cost microseconds. Immutable: the registry
 * builds a new one when the stored registry's version changes.
 */
public final class SourceIndex {

    private final Map<String, PollutionSource> byId = new HashMap<>();
    private final Map<String, PollutionSource> byMonitor = new HashMap<>();
    private final STRtree tree = new STRtree();

    public SourceIndex(Collection<PollutionSource> sources) {
        for (PollutionSource source : sources) {
            byId.put(source.id(), source);
            source.monitors().forEach(mn -> byMonitor.put(mn, source));
            tree.insert(new Envelope(source.longitude(), source.longitude(), source.latitude(), source.latitude()), source);
        }
        tree.build();
    }

    public Optional<PollutionSource> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The source an online monitor (by its MN) belongs to. */
    public Optional<PollutionSource> byMonitor(String mn) {
        return Optional.ofNullable(mn == null ? null : byMonitor.get(mn));
    }

    public int size() {
        return byId.size();
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

}
