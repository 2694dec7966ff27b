package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** 复查结论: what the person on site found at a {@link RectificationCheck}, with the proof, signed and dated. */
public record RectificationFinding(boolean rectified, List<String> evidence, String note, Actor actor, Instant at) {

    public RectificationFinding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
