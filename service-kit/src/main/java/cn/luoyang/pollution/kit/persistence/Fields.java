package cn.luoyang.pollution.kit.persistence;

import cn.luoyang.pollution.contracts.GeoPoint;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bson.Document;

/**
 * The few conversions every explicit mapper between a domain object and its {@link Document} needs,
 * in the shape the stores have always written: an {@link Instant} as a BSON date, an enum by its
 * name, a nested value as an embedded document, a list as an array, and no field at all for a null
 * (so {@code $exists} conditions keep their meaning). Each reader takes a missing field as null.
 */
public final class Fields {

    private Fields() {
    }

    /** {@code doc} without its null fields: what a mapper returns after appending every field. */
    public static Document compact(Document doc) {
        doc.values().removeIf(Objects::isNull);
        return doc;
    }

    public static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    public static Instant instant(Document doc, String key) {
        Date at = doc.getDate(key);
        return at == null ? null : at.toInstant();
    }

    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, Document doc, String key) {
        String name = doc.getString(key);
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** An int, long or double field as stored (any BSON number); 0 when missing. */
    public static long longOf(Document doc, String key) {
        Number n = doc.get(key, Number.class);
        return n == null ? 0 : n.longValue();
    }

    public static int intOf(Document doc, String key) {
        return (int) longOf(doc, key);
    }

    public static double doubleOf(Document doc, String key) {
        Number n = doc.get(key, Number.class);
        return n == null ? 0 : n.doubleValue();
    }

    /** A nullable number. */
    public static Double doubleOrNull(Document doc, String key) {
        Number n = doc.get(key, Number.class);
        return n == null ? null : n.doubleValue();
    }

    public static boolean bool(Document doc, String key) {
        return doc.getBoolean(key, false);
    }

    public static <T> Document embed(T value, Function<T, Document> mapper) {
        return value == null ? null : mapper.apply(value);
    }

    public static <T> T embedded(Document doc, String key, Function<Document, T> mapper) {
        Document found = doc.get(key, Document.class);
        return found == null ? null : mapper.apply(found);
    }

    public static <T> List<Document> embedAll(List<T> values, Function<T, Document> mapper) {
        return values == null ? null : values.stream().map(mapper).toList();
    }

    public static <T> List<T> embeddedAll(Document doc, String key, Function<Document, T> mapper) {
        List<Document> found = doc.getList(key, Document.class);
        return found == null ? null : found.stream().map(mapper).toList();
    }

    public static List<String> strings(Document doc, String key) {
        return doc.getList(key, String.class);
    }

    /** A position as {@code {longitude, latitude, datum}}, the one shape every service stores it in. */
    public static Document geoPoint(GeoPoint point) {
        return compact(new Document("longitude", point.longitude()).append("latitude", point.latitude())
                .append("datum", name(point.datum())));
    }

    public static GeoPoint geoPoint(Document doc) {
        return new GeoPoint(doubleOf(doc, "longitude"), doubleOf(doc, "latitude"), enumOf(GeoPoint.Datum.class, doc, "datum"));
    }
}
