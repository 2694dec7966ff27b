package cn.luoyang.pollution.dispatch.rules;

import java.util.List;

/**
 * What a rule decides. {@code lead} is a department code, or {@value #SOURCE_OWNER_SYSTEM}: the
 * industry system that owns the linked source (管行业必须管环保).
 *
 * @param level           CITY, DISTRICT, TOWNSHIP or GRID
 * @param priority        ROUTINE or URGENT
 * @param deadlineProfile the clock set enforcement applies: one of the city's deadline profiles (built in: URGENT, SIMPLE, STANDARD)
 */
public record Outcome(String lead, List<String> coHandlers, String level, String priority, String deadlineProfile) {

    public static final String SOURCE_OWNER_SYSTEM = "SOURCE_OWNER_SYSTEM";

    public Outcome {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }
}
