package cn.luoyang.pollution.contracts.catalogue;

/** A responsible department; each exists at city level and as county/district counterparts. */
public record Department(String code, String nameZh, String nameEn) {
}
