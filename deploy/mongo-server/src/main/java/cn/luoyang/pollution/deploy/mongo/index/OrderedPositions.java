package cn.luoyang.pollution.deploy.mongo.index;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Candidate positions that come out of an index already in the order of one field's values, the
 * way MongoDB walks an index to answer {@code sort} without sorting. A query sorted by that field
 * alone then needs only as many documents read as it returns ({@code limit}), not the whole
 * candidate set read and sorted: the due-message poll with thousands of messages waiting reads 50.
 */
final class OrderedPositions implements Iterable<Object> {

    private final String field;
    private final List<Object> ascending;

    OrderedPositions(String field, List<Object> ascending) {
        this.field = field;
        this.ascending = ascending;
    }

    /**
     * The positions in the order the sort asks for, or null when the sort is not on this field
     * alone (ascending or descending); then the server sorts as usual.
     */
    List<Object> sortedBy(Document orderBy) {
        if (orderBy == null || orderBy.size() != 1 || !(orderBy.get(field) instanceof Number direction)) {
            return null;
        }
        return switch (direction.intValue()) {
            case 1 -> ascending;
            case -1 -> descending();
            default -> null;
        };
    }

    private List<Object> descending() {
        List<Object> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        return descending;
    }

    @Override
    public Iterator<Object> iterator() {
        return ascending.iterator();
    }
}
