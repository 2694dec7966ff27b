package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;

/**
 * A responsible unit: a department at a territory (city 410300 or a county/district code), written
 * {@code URBAN_MANAGEMENT@410305}. The same code appears in every signature ({@code Actor.unit}).
 */
public record Unit(String department, String territory) {

    public static final String CITY = CaseDispatched.CITY_TERRITORY;

    public String code() {
        return department + "@" + territory;
    }

    public static Unit parse(String code) {
        int at = code.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("unit must be DEPARTMENT@TERRITORY: " + code);
        }
        return new Unit(code.substring(0, at), code.substring(at + 1));
    }

    @Override
    public String toString() {
        return code();
    }
}
