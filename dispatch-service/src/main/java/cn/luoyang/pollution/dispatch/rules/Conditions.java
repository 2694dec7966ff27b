package cn.luoyang.pollution.dispatch.rules;

import java.util.List;

/**
 * When a rule applies. Empty lists and null values mean "any". {@code timeFrom}/{@code timeTo}
 * (HH:mm, Beijing time) may wrap midnight: 22:00–06:00 is the night. Investment bounds are in
 * 万元, the minimum inclusive and the maximum exclusive.
 */
public record Conditions(
        List<String> categories,
        List<String> districts,
        List<String> sourceTypes,
        Boolean sourceLinked,
        Long minInvestmentWanYuan,
        Long maxInvestmentWanYuan,
        Boolean ownerSystemPresent,
        String timeFrom,
        String timeTo,
        List<AlertLevel> alertLevels) {

    public Conditions {
        categories = categories == null ? List.of() : List.copyOf(categories);
        districts = districts == null ? List.of() : List.copyOf(districts);
        sourceTypes = sourceTypes == null ? List.of() : List.copyOf(sourceTypes);
        alertLevels = alertLevels == null ? List.of() : List.copyOf(alertLevels);
    }

    /** True when this condition can only hold with a registered source linked. */
    boolean needsSource() {
        return !sourceTypes.isEmpty() || Boolean.TRUE.equals(sourceLinked) || minInvestmentWanYuan != null
                || maxInvestmentWanYuan != null || Boolean.TRUE.equals(ownerSystemPresent);
    }
}
