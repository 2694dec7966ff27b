package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;

/**
 * 随机抽查: a closed case drawn for a second look by a unit other than the one that closed it.
 * {@code finding} is CONFIRMED or NOT_RESOLVED once recorded; NOT_RESOLVED reopens the case.
 */
public record Reinspection(Unit unit, Instant drawnAt, String finding, String note, Actor actor, Instant at) {

    public boolean pending() {
        return finding == null;
    }
}
