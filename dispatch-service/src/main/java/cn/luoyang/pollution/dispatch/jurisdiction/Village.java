package cn.luoyang.pollution.dispatch.jurisdiction;

/** A village (村) or community (社区) of a township; names only. */
public record Village(String code, String name, String townshipCode, String districtCode) {
}
