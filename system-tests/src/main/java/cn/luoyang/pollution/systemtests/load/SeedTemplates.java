package cn.luoyang.pollution.systemtests.load;

import java.util.List;
import java.util.Map;

/**
 * What {@link StoreSeeder#capture} found: the usable lifecycles, the tracking numbers it refused
 * with the reason (merged into another lifecycle, still working after the wait, not found), and
 * the unique indexes of every collection the lifecycles touch ({@code database.collection} → the
 * key paths of each unique index), which every clone must change.
 */
public record SeedTemplates(List<SeedTemplate> lifecycles, Map<String, String> rejected,
                            Map<String, List<List<String>>> uniqueKeys) {

    public SeedTemplates {
        lifecycles = List.copyOf(lifecycles);
        rejected = Map.copyOf(rejected);
        uniqueKeys = Map.copyOf(uniqueKeys);
    }

    public int documentsPerRound() {
        return lifecycles.stream().mapToInt(t -> t.documents().size()).sum();
    }
}
