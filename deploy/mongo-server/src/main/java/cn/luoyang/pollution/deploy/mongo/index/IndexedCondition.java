package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The part of a query filter's condition on an indexed field that the index can answer, as ranges
 * of index keys. Anything it cannot answer exactly or by a superset (null, which also matches a
 * missing field; {@code $ne}; regular expressions; whole arrays or sub-documents) yields no
 * condition, and the server scans.
 */
record IndexedCondition(List<KeyRange> ranges) {

    /** Index keys {@code from} (inclusive) to {@code to} (exclusive). */
    record KeyRange(String from, String to) {
    }

    /** The condition on the field, or null when the index cannot serve it. */
    static IndexedCondition of(Object condition, boolean present) {
        if (!present || condition == null || condition instanceof Collection<?> || condition instanceof Pattern
                || BsonRegularExpression.isRegularExpression(condition)) {
            return null;
        }
        if (!(condition instanceof Document operators)) {
            return equalTo(List.of(condition));
        }
        if (operators.isEmpty() || operators.keySet().stream().anyMatch(k -> !k.startsWith("$"))) {
            return null; // a sub-document to compare as a whole
        }
        if (operators.containsKey("$eq")) {
            Object value = operators.get("$eq");
            return value == null || value instanceof Collection<?> || value instanceof Document ? null : equalTo(List.of(value));
        }
        if (operators.get("$in") instanceof Collection<?> values && values.stream().noneMatch(Objects::isNull)) {
            return equalTo(values);
        }
        return between(operators);
    }

    private static IndexedCondition equalTo(Collection<?> values) {
        List<KeyRange> ranges = new ArrayList<>();
        for (Object value : values) {
            if (BsonRegularExpression.isRegularExpression(value) || value instanceof Pattern) {
                return null;
            }
            Optional<String> encoded = IndexValues.encode(value);
            if (encoded.isEmpty()) {
                return null;
            }
            ranges.add(new KeyRange(encoded.get() + IndexValues.SEPARATOR, encoded.get() + IndexValues.AFTER_SEPARATOR));
        }
        return new IndexedCondition(ranges);
    }

    private static IndexedCondition between(Document operators) {
        String from = null;
        String to = null;
        String type = null;
        for (String operator : operators.keySet()) {
            Object bound = operators.get(operator);
            if (!isRange(operator) || !IndexValues.rangeable(bound)) {
                continue; // another operator on the same field narrows nothing here: the matcher applies it
            }
            String encoded = IndexValues.encode(bound).orElseThrow();
            String boundType = IndexValues.typePrefix(encoded);
            if (type != null && !type.equals(boundType)) {
                return null;
            }
            type = boundType;
            if (operator.startsWith("$gt")) {
                String lower = operator.equals("$gte") ? encoded + IndexValues.SEPARATOR : encoded + IndexValues.AFTER_SEPARATOR;
                from = from == null || lower.compareTo(from) > 0 ? lower : from;
            } else {
                String upper = operator.equals("$lte") ? encoded + IndexValues.AFTER_SEPARATOR : encoded + IndexValues.SEPARATOR;
                to = to == null || upper.compareTo(to) < 0 ? upper : to;
            }
        }
        if (type == null) {
            return null;
        }
        // a range never leaves its type: $lt a date matches dates only, as in MongoDB
        String start = from != null ? from : type;
        String end = to != null ? to : String.valueOf((char) (type.charAt(0) + 1));
        return new IndexedCondition(List.of(new KeyRange(start, end)));
    }

    private static boolean isRange(String operator) {
        return operator.equals("$lt") || operator.equals("$lte") || operator.equals("$gt") || operator.equals("$gte");
    }
}
