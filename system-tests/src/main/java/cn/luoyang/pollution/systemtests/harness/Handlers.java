package cn.luoyang.pollution.systemtests.harness;

import java.util.Map;
import java.util.Optional;

/**
 * The local demo handlers of enforcement-service (its README, profile "local"), by the unit they
 * work for: {@code department@territory}. The password of every demo user is {@code luoyang2026}.
 */
public final class Handlers {

    public static final String PASSWORD = "luoyang2026";

    /** 办结审核: the city supervisor sees every case and handles none, so verifies every closure. */
    public static final String CLOSURE_VERIFIER = "supervisor";

    private static final Map<String, String> BY_UNIT = Map.of(
            "URBAN_MANAGEMENT@410305", "cg-jianxi",
            "ECOLOGY_ENVIRONMENT@410305", "sthj-jianxi",
            "HOUSING_CONSTRUCTION@410305", "zj-jianxi",
            "URBAN_MANAGEMENT@410300", "cg-city",
            "ECOLOGY_ENVIRONMENT@410300", "sthj-city",
            "HOUSING_CONSTRUCTION@410300", "zj-city",
            "URBAN_MANAGEMENT@410302", "cg-laocheng");

    /** The lead unit of a dispatched case, as enforcement-service derives it. */
    public static String unitOf(Observed caseDispatched) {
        String department = caseDispatched.text("leadDepartment");
        String territory = "CITY".equals(caseDispatched.text("level")) ? "410300"
                : caseDispatched.body().path("territory").path("districtCode").asString();
        return department + "@" + territory;
    }

    public static Optional<String> userFor(String unit) {
        return Optional.ofNullable(BY_UNIT.get(unit));
    }

    private Handlers() {
    }
}
