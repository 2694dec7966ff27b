package cn.luoyang.pollution.deploy.mongo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.Test;

/** Which filters the two index kinds take on: the shapes the services' drivers actually send. */
class IndexChoiceTest {

    private final MVStore store = MVStore.open(null);
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void anIdInsideTheDriversAndIsLookedUpDirectly() {
        MVMap<Object, Document> documents = store.openMap("databases.enforcement.cases");
        documents.put("CASE-LY20261128-000001", new Document("_id", "CASE-LY20261128-000001"));
        IdLookup lookup = new IdLookup(documents);

        Document versionedSave = new Document("$and", List.of(new Document("_id", "CASE-LY20261128-000001"),
                new Document("version", 3L)));
        assertTrue(lookup.canHandle(versionedSave), "Filters.and(eq(_id), eq(version)) as the driver writes it");
        assertEquals(List.of("CASE-LY20261128-000001"), lookup.getPositions(versionedSave));
        assertTrue(lookup.canHandle(new Document("_id", "x").append("version", 3L)), "the flat form Spring Data writes");
        assertEquals(List.of(), lookup.getPositions(new Document("_id", "CASE-LY20261128-000002")));
        assertFalse(lookup.canHandle(new Document("$or", List.of(new Document("_id", "x"), new Document("state", "OPEN")))));
        assertFalse(lookup.canHandle(new Document("_id", 5)), "5 and 5L are one _id: left to the _id index");
    }

    @Test
    void aPollerFilterIsServedThroughNestedAndsButNotThroughOr() {
        MVMap<String, Object> entries = store.openMap("messages._index_due",
                new MVMap.Builder<String, Object>().keyType(StringDataType.INSTANCE));
        SecondaryIndex due = new SecondaryIndex(entries, "due",
                List.of(new IndexKey("state", true), new IndexKey("notBefore", true)), false);

        Document flat = new Document("state", "PENDING").append("notBefore", new Document("$lte", now));
        Document nested = new Document("$and", List.of(new Document("$and", List.of(new Document("state", "PENDING"))),
                new Document("notBefore", new Document("$lte", now))));
        Document either = new Document("$or", List.of(new Document("state", "PENDING"), new Document("state", "HELD")));

        assertTrue(due.canHandle(flat));
        assertTrue(due.canHandle(nested));
        assertFalse(due.canHandle(either), "a condition under $or does not bind every match");
        assertFalse(due.canHandle(new Document("notBefore", new Document("$lte", now))), "only the first key is indexed");
    }
}
