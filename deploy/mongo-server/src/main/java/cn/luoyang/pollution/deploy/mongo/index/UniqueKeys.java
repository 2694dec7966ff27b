package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import java.util.HexFormat;

/**
 * A unique index's key as one string, so that H2 compares keys as strings instead of Java-serialising
 * both sides of every comparison (70 % of an insert's time with the stock unique index). The
 * encoding is injective: equal keys, and only equal keys, give equal strings. Keys arrive
 * normalised by the server (numbers as doubles, missing as null).
 */
final class UniqueKeys {

    private UniqueKeys() {
    }

    static String encode(KeyValue key) {
        StringBuilder encoded = new StringBuilder();
        for (Object value : key) {
            String part = part(value);
            encoded.append(part.length()).append(':').append(part);
        }
        return encoded.toString();
    }

    private static String part(Object value) {
        if (value == null || value instanceof Missing) {
            return "z";
        }
        if (value instanceof Double d) {
            return "n" + Long.toHexString(Double.doubleToLongBits(d == 0.0 ? 0.0 : d));
        }
        if (value instanceof Long l) {
            return "l" + l; // a long no double can hold: the server keeps it as a long
        }
        if (value instanceof BinData b) {
            return "x" + HexFormat.of().formatHex(b.getData());
        }
        if (value instanceof LegacyUUID u) {
            return "L" + u.getUuid();
        }
        return IndexValues.encode(value).orElseGet(() -> "?" + value.getClass().getName() + ":" + value);
    }
}
