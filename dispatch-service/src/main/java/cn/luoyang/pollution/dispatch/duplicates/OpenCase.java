package cn.luoyang.pollution.dispatch.duplicates;

import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.time.Instant;

/** An open case as a merge target: what it is about, where (GCJ-02) and when it was first reported. */
public record OpenCase(String caseId, String category, LonLat point, Instant reportedAt) {
}
