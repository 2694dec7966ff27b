package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions a filter puts on one field that every matching document must meet: the field's
 * own entry and those inside top-level {@code $and}s, however nested. The driver writes
 * {@code Filters.and(eq("_id", x), eq("version", 3))} as {@code {$and: [{_id: x}, {version: 3}]}},
 * so an index that looked at top-level fields only would miss most filters. Any one of these
 * conditions narrows the candidates correctly; conditions under {@code $or} or {@code $nor} do not.
 */
final class Conjuncts {

    private Conjuncts() {
    }

    static List<Object> on(Document filter, String field) {
        List<Object> conditions = new ArrayList<>();
        collect(filter, field, conditions);
        return conditions;
    }

    private static void collect(Document filter, String field, List<Object> conditions) {
        if (filter.containsKey(field)) {
            conditions.add(filter.get(field));
        }
        if (filter.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document conjunct) {
                    collect(conjunct, field, conditions);
                }
            }
        }
    }
}
