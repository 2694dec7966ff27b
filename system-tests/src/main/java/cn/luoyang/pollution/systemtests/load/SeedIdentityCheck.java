package cn.luoyang.pollution.systemtests.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.bson.Document;

/**
 * Before writing a million copies, one trial copy of each template shows that every document
 * gets a new {@code _id} and a new value for each unique index of its collection (for example the
 * complaint's {@code naturalKey} and {@code trackingNumber}). A key the rewrite does not reach
 * would otherwise surface as a million duplicate-key errors half-way through the seed.
 */
final class SeedIdentityCheck {

    private SeedIdentityCheck() {
    }

    static void everyUniqueKeyChanges(SeedPattern pattern, Map<String, List<List<String>>> uniqueKeys, SplittableRandom random) {
        LocalDate day = pattern.template().day().minusDays(1);
        List<Document> trial = pattern.instantiate(SeedPlan.format(day, 1), day, random);
        List<SeedDocument> originals = pattern.template().documents();
        for (int i = 0; i < trial.size(); i++) {
            SeedDocument original = originals.get(i);
            check(original, trial.get(i), List.of("_id"));
            for (List<String> key : uniqueKeys.getOrDefault(original.namespace(), List.of())) {
                check(original, trial.get(i), key);
            }
        }
    }

    private static void check(SeedDocument original, Document copy, List<String> key) {
        List<Object> before = key.stream().map(path -> valueAt(original.document(), path)).toList();
        List<Object> after = key.stream().map(path -> valueAt(copy, path)).toList();
        if (Objects.equals(before, after)) {
            throw new IllegalStateException("a copy of " + original.namespace() + " " + original.document().get("_id")
                    + " keeps its unique key " + key + " = " + before + ": the seeder does not know how to rewrite it");
        }
    }

    static Object valueAt(Document doc, String dottedPath) {
        Object at = doc;
        for (String part : dottedPath.split("\\.")) {
            if (!(at instanceof Document d)) {
                return null;
            }
            at = d.get(part);
        }
        return at;
    }
}
