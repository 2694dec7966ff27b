package cn.luoyang.pollution.dispatch.rules;

import java.util.List;

/**
 * During a heavy-pollution alert at or above {@code atOrAbove}, routine complaints of the listed
 * category groups (e.g. AIR) become URGENT with the URGENT deadline profile: the city's
 * emergency plan demands same-day action on emission sources while the alert lasts.
 */
public record AlertRaise(AlertLevel atOrAbove, List<String> categoryGroups) {

    public AlertRaise {
        categoryGroups = categoryGroups == null ? List.of() : List.copyOf(categoryGroups);
    }
}
