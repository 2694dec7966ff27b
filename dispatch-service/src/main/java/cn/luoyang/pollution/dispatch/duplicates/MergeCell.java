package cn.luoyang.pollution.dispatch.duplicates;

/** One square cell of the merge index for one category: the unit that merges are serialised by. */
public record MergeCell(String category, long cell) {
}
