package cn.luoyang.pollution.deploy.mongo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexValuesTest {

    private final Random random = new Random(12369);

    @Test
    void numbersOfEveryTypeSortByValueInTheirEncoding() {
        List<Number> numbers = new ArrayList<>(List.of(0, -0.0, 1L, -1, Long.MAX_VALUE / 3, -1e300, 1e-300, 2.5, -2.5));
        for (int i = 0; i < 500; i++) {
            numbers.add(switch (i % 3) {
                case 0 -> random.nextInt();
                case 1 -> random.nextLong() >> random.nextInt(60);
                default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            });
        }
        List<Number> byValue = numbers.stream().sorted(Comparator.comparingDouble(Number::doubleValue)).toList();
        List<Number> byEncoding = numbers.stream().sorted(Comparator.comparing(n -> IndexValues.encode(n).orElseThrow())).toList();

        // + 0.0 turns -0.0 into 0.0: the two are one value to MongoDB, in either order
        assertEquals(byValue.stream().map(n -> n.doubleValue() + 0.0).toList(), byEncoding.stream().map(n -> n.doubleValue() + 0.0).toList());
        assertEquals(IndexValues.encode(0), IndexValues.encode(-0.0), "-0.0 equals 0, as in MongoDB");
        assertEquals(IndexValues.encode(7), IndexValues.encode(7.0));
    }

    @Test
    void datesBeforeAndAfterTheEpochSortByTime() {
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            instants.add(Instant.ofEpochMilli(random.nextLong() >> 20));
        }
        List<Instant> byEncoding = instants.stream().sorted(Comparator.comparing(t -> IndexValues.encode(t).orElseThrow())).toList();
        assertEquals(instants.stream().sorted().toList(), byEncoding);
    }

    @Test
    void theFiltersTheServicesPollWithAreServedAndNullOrNegationAreNot() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertNotNull(IndexedCondition.of("PENDING", true));
        assertNotNull(IndexedCondition.of(new Document("$lte", now), true));
        assertNotNull(IndexedCondition.of(new Document("$gte", now).append("$lt", now.plusSeconds(60)), true));
        assertNotNull(IndexedCondition.of(new Document("$in", List.of("QUEUED", "SENDING")), true));
        assertNotNull(IndexedCondition.of(new Document("$eq", true), true));
        assertNotNull(IndexedCondition.of(new Document("$lte", now).append("$exists", true), true));

        assertNull(IndexedCondition.of(null, true), "null also matches a missing field");
        assertNull(IndexedCondition.of("x", false));
        assertNull(IndexedCondition.of(new Document("$ne", "SENT"), true));
        assertNull(IndexedCondition.of(new Document("$in", new ArrayList<>(java.util.Arrays.asList("A", null))), true));
        assertNull(IndexedCondition.of(new Document("$lt", "m"), true), "string ranges are left to the scan");
        assertNull(IndexedCondition.of(new Document("sub", 1), true), "a whole sub-document");
        assertNull(IndexedCondition.of(List.of("a", "b"), true), "a whole array");
        assertNull(IndexedCondition.of(new Document("$lt", now).append("$gt", 5), true), "bounds of two types");
    }

    @Test
    void aRangeStaysInsideItsType() {
        IndexedCondition before = IndexedCondition.of(new Document("$lt", Instant.EPOCH), true);
        IndexedCondition.KeyRange range = before.ranges().get(0);
        String aNumber = IndexValues.encode(-5).orElseThrow();
        String aDate = IndexValues.encode(Instant.EPOCH.minusSeconds(1)).orElseThrow() + IndexValues.SEPARATOR + "sx";
        assertTrue(aNumber.compareTo(range.from()) < 0 || aNumber.compareTo(range.to()) >= 0, "a number is outside a date range");
        assertTrue(aDate.compareTo(range.from()) >= 0 && aDate.compareTo(range.to()) < 0, "an earlier date is inside");
    }
}
