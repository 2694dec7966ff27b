package cn.luoyang.pollution.dispatch.duplicates;

/** One square cell of the merge index for one category: the unit whose version orders the opening of cases. */
public record MergeCell(String category, long cell) {

    /** The cell's key in the store. */
    public String key() {
        return category + ":" + cell;
    }
}
