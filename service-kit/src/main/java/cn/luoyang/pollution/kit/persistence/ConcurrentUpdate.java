package cn.luoyang.pollution.kit.persistence;

/**
 * A versioned write found its document changed (or, for an insert, already there): another
 * request, instance or retry came first (并发修改). Nothing was written; read the document again
 * and decide again.
 */
public class ConcurrentUpdate extends RuntimeException {

    private final String collection;
    private final transient Object id;

    public ConcurrentUpdate(String collection, Object id) {
        super(collection + " " + id + " was changed concurrently");
        this.collection = collection;
        this.id = id;
    }

    public String collection() {
        return collection;
    }

    public Object id() {
        return id;
    }
}
