package cn.luoyang.pollution.contracts.catalogue;

/** A kind of pollution the city handles; {@code code} is also the Open311 service_code. */
public record Category(String code, String group, String nameZh, String nameEn, String descriptionEn) {
}
