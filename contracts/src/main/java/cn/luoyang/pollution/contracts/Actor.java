package cn.luoyang.pollution.contracts;

/**
 * Who signed an action (谁排查谁画押): the user, the role they acted in and their unit
 * (department code and territory code, e.g. {@code CGJ@410305}).
 */
public record Actor(String userId, String role, String unit) {
}
