package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Encodes an indexed value as a string whose natural order is the value's order within its type,
 * so that an H2 map with string keys can answer equality, {@code $in} and range queries.
 *
 * <p>Only the types the services query on are encoded: strings, booleans, numbers (all as one
 * type, the way MongoDB compares them), dates, object ids and UUIDs. Anything else (null, missing,
 * sub-documents, binaries) has no encoding: it is not indexed, and a query on it is left to the
 * server's full scan. Ranges are offered for numbers and dates only, whose encodings sort exactly.
 */
final class IndexValues {

    /** Separates the encoded value from the encoded document position inside an index key. */
    static final char SEPARATOR = '\u0000';
    /** Sorts after every character an encoded position can start with. */
    static final char AFTER_SEPARATOR = '\u0001';

    private IndexValues() {
    }

    static Optional<String> encode(Object value) {
        if (value == null || value instanceof Missing) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of("s" + s);
        }
        if (value instanceof Boolean b) {
            return Optional.of(b ? "b1" : "b0");
        }
        if (value instanceof Number n && !(value instanceof java.math.BigDecimal)) {
            return Optional.of("n" + sortableHex(sortableBits(n.doubleValue())));
        }
        if (value instanceof Instant i) {
            return Optional.of("d" + sortableHex(i.toEpochMilli() ^ Long.MIN_VALUE));
        }
        if (value instanceof Date d) {
            return Optional.of("d" + sortableHex(d.getTime() ^ Long.MIN_VALUE));
        }
        if (value instanceof ObjectId o) {
            return Optional.of("o" + o.getHexData());
        }
        if (value instanceof UUID u) {
            return Optional.of("u" + u);
        }
        return Optional.empty();
    }

    /** Whether a range ({@code $lt}, {@code $gte}…) over this value can be answered from the encoding. */
    static boolean rangeable(Object value) {
        return value instanceof Number && !(value instanceof java.math.BigDecimal)
                || value instanceof Instant || value instanceof Date;
    }

    /** The prefix shared by every encoding of the value's type: a range never leaves its type. */
    static String typePrefix(String encoded) {
        return encoded.substring(0, 1);
    }

    /**
     * A document's position (its {@code _id}) as a string, unique per position, so that one index
     * key holds one (value, document) pair.
     */
    static String position(Object position) {
        return encode(position).orElseGet(() -> "?" + position.getClass().getName() + ":" + position);
    }

    private static long sortableBits(double value) {
        double d = value == 0.0 ? 0.0 : value; // -0.0 equals 0.0, as in MongoDB
        long bits = Double.doubleToLongBits(d);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    private static String sortableHex(long bits) {
        String hex = Long.toHexString(bits);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
