package cn.luoyang.pollution.enforcement.officers;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.cases.Unit;

/**
 * The person acting, however they signed in (local user or JWT). {@code territory} is 410300 for
 * the city level or a county/district code; {@code grid} is set for grid members.
 */
public record Officer(String userId, String name, Role role, String department, String territory, String grid) {

    public Unit unit() {
        return new Unit(department, territory);
    }

    /** The signature this person puts on every action. */
    public Actor actor() {
        return new Actor(userId, role.name(), unit().code());
    }
}
