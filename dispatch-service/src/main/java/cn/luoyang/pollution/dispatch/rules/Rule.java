package cn.luoyang.pollution.dispatch.rules;

/**
 * One row of the city's responsibility matrix. Among the rules that match, the highest
 * {@code precedence} decides; two rules that can match the same complaint must not share a
 * precedence unless they decide the same (validated on save).
 */
public record Rule(String id, int precedence, String description, Conditions when, Outcome then) {
}
