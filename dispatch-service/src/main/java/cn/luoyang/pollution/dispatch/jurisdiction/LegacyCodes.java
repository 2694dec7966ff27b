package cn.luoyang.pollution.dispatch.jurisdiction;

import java.util.Map;

/**
 * The polygon file still carries the codes of two territories from before the 2021 merger: 孟津县
 * (with 吉利区) became 孟津区 410308 and 偃师市 became 偃师区 410307. Everything downstream (rules,
 * reports, other services) speaks only the official codes.
 */
public final class LegacyCodes {

    private static final Map<String, String> OFFICIAL = Map.of(
            "410306", "410308",
            "410381", "410307");

    private LegacyCodes() {
    }

    public static String official(String code) {
        return OFFICIAL.getOrDefault(code, code);
    }
}
