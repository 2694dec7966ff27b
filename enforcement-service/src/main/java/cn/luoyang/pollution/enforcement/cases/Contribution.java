package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.List;

/** A co-handling unit's part of the work (协办), signed by its handler. */
public record Contribution(Unit unit, String note, List<String> evidence, Actor actor, Instant at) {
}
