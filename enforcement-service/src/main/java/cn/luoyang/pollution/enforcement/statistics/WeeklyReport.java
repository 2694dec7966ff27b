package cn.luoyang.pollution.enforcement.statistics;

import java.time.Instant;
import java.util.List;

/** The weekly meeting's figures (周例会): one row per unit or territory, plus where the trouble concentrates. */
public record WeeklyReport(Period period, Instant asOf, String groupedBy, List<Figures> rows,
        List<Count> repeatSources, List<Count> topCategories, List<Count> hotspotCells) {

    /** A key and how often it occurs: a source id (complaints against it), a category, a hotspot cell. */
    public record Count(String key, long count) {
    }

    public String csv() {
        StringBuilder out = new StringBuilder(Figures.CSV_HEADER).append('\n');
        rows.forEach(r -> out.append(r.csv()).append('\n'));
        return out.toString();
    }
}
