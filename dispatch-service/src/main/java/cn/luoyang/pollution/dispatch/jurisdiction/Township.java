package cn.luoyang.pollution.dispatch.jurisdiction;

/** A township (乡/镇) or street (街道) of a district; names only, the city publishes no polygons. */
public record Township(String code, String name, String districtCode) {
}
