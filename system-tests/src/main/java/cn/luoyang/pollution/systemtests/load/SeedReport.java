package cn.luoyang.pollution.systemtests.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a seed wrote: lifecycles (complaints with their cases and messages), documents per
 * {@code database.collection}, how long it took, and the write errors (none in a good seed).
 */
public record SeedReport(long lifecycles, int templates, Map<String, Long> documentsByCollection, double seconds,
                         long errorCount, List<String> firstErrors) {

    public SeedReport {
        documentsByCollection = Map.copyOf(documentsByCollection);
        firstErrors = List.copyOf(firstErrors);
    }

    public long documents() {
        return documentsByCollection.values().stream().mapToLong(Long::longValue).sum();
    }

    public double documentsPerSecond() {
        return documents() / Math.max(seconds, 0.001);
    }

    public double lifecyclesPerSecond() {
        return lifecycles / Math.max(seconds, 0.001);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "seeded %,d lifecycles from %d templates: %,d documents in %.1f s (%,.0f documents/s, %,.0f lifecycles/s), %d write errors%n",
                lifecycles, templates, documents(), seconds, documentsPerSecond(), lifecyclesPerSecond(), errorCount));
        new java.util.TreeMap<>(documentsByCollection).forEach((ns, n) -> b.append(String.format(Locale.ROOT, "  %-32s %,12d%n", ns, n)));
        firstErrors.forEach(e -> b.append("  error: ").append(e).append('\n'));
        return b.toString();
    }
}
