package cn.luoyang.pollution.complaint.open311.web;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.catalogue.Category;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The city's pollution catalogue as Open311 services: every category is a realtime service (the
 * request id, our tracking number, comes back at once, so there are no tokens) with the same
 * attributes for what the hotline's richer form knows and Open311 has no field for.
 */
final class Open311Catalogue {

    static final String DATUM = "datum";
    static final String OBSERVED_AT = "observed_at";
    static final String HAPPENING_NOW = "happening_now";
    static final String SUB_TYPE = "sub_type";
    static final String REWARD_REQUESTED = "reward_requested";

    private static final List<Open311Dtos.AttributeValue> YES_NO = List.of(
            new Open311Dtos.AttributeValue("true", "是 Yes"), new Open311Dtos.AttributeValue("false", "否 No"));

    private static final List<Open311Dtos.Attribute> ATTRIBUTES = List.of(
            new Open311Dtos.Attribute(true, DATUM, "singlevaluelist", false,
                    "WGS84 unless your map app gave GCJ02", 1, "lat/long 的坐标系 Coordinate system of lat/long",
                    List.of(new Open311Dtos.AttributeValue("WGS84", "WGS-84 (GPS)"),
                            new Open311Dtos.AttributeValue("GCJ02", "GCJ-02 (高德/腾讯地图 AutoNavi/Tencent maps)"))),
            new Open311Dtos.Attribute(true, OBSERVED_AT, "datetime", false, "ISO 8601 with offset, e.g. 2026-11-28T07:30:00+08:00",
                    2, "发现时间 When you saw it", null),
            new Open311Dtos.Attribute(true, HAPPENING_NOW, "singlevaluelist", false, null, 3,
                    "正在发生 Is it happening now?", YES_NO),
            new Open311Dtos.Attribute(true, SUB_TYPE, "string", false, "at most 100 characters", 4,
                    "具体类型 Sub-type in your words", null),
            new Open311Dtos.Attribute(true, REWARD_REQUESTED, "singlevaluelist", false, null, 5,
                    "申请有奖举报 Apply for a reporting reward", YES_NO));

    private final Catalogue catalogue;

    Open311Catalogue(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    List<Open311Dtos.Service> services() {
        return catalogue.categories().stream().map(Open311Catalogue::service).toList();
    }

    Optional<Open311Dtos.ServiceDefinition> definition(String code) {
        return catalogue.category(code).map(c -> new Open311Dtos.ServiceDefinition(c.code(), ATTRIBUTES));
    }

    boolean defines(String attributeCode) {
        return ATTRIBUTES.stream().anyMatch(a -> a.code().equals(attributeCode));
    }

    static String serviceName(Category c) {
        return c.nameZh() + " " + c.nameEn();
    }

    private static Open311Dtos.Service service(Category c) {
        return new Open311Dtos.Service(c.code(), serviceName(c), c.descriptionEn(), true, "realtime",
                c.nameZh() + ", " + c.nameEn() + ", " + c.group().toLowerCase(Locale.ROOT), c.group().toLowerCase(Locale.ROOT));
    }
}
