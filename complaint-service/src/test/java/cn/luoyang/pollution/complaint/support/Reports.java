package cn.luoyang.pollution.complaint.support;

/** Small valid reports to start from; each test changes what it is about. */
public final class Reports {

    /** A native report from Luoyang's Jianxi district (WGS-84), with a named reporter. */
    public static String nativeReport(String phone) {
        return """
                {"category":"AIR_CONSTRUCTION_DUST","subType":"未覆盖裸土","description":"工地夜间未覆盖, 扬尘很大",
                 "location":{"latitude":34.6197,"longitude":112.3840,"datum":"WGS84"},
                 "addressText":"洛阳市涧西区中州西路","observedAt":"2026-11-28T07:30:00+08:00","happeningNow":true,
                 "media":[{"url":"https://img.example.org/p1.jpg","mediaType":"image/jpeg","sizeBytes":204800}],
                 "reporter":{"anonymous":false,"phone":"%s"},"channel":"WECHAT","rewardRequested":true}
                """.formatted(phone);
    }

    public static String anonymousReport() {
        return """
                {"category":"NOISE_NIGHT_CONSTRUCTION","description":"凌晨两点还在施工",
                 "addressText":"洛阳市老城区九都路", "reporter":{"anonymous":true}}
                """;
    }

    /** The hotline's complaints.submitted record, sealed phone included. */
    public static String submitted(String source, String ticket, String sealedPhone, String maskedPhone) {
        String reporter = sealedPhone == null
                ? "{\"anonymous\":true,\"sealedPhone\":null,\"maskedPhone\":null}"
                : "{\"anonymous\":false,\"sealedPhone\":\"" + sealedPhone + "\",\"maskedPhone\":\"" + maskedPhone + "\"}";
        return """
                {"eventId":"%s-e","sourceSystem":"%s","externalTicketId":"%s","channel":"HOTLINE_12369",
                 "category":"WATER_SEWAGE_OUTLET","subType":null,"description":"河边暗管排污, 水发黑",
                 "location":{"longitude":112.4540,"latitude":34.6197,"datum":"GCJ02"},"addressText":"洛阳市洛龙区洛河南岸",
                 "observedAt":"2026-11-28T06:00:00Z","happeningNow":false,"media":[],"reporter":%s,
                 "rewardRequested":false,"occurredAt":"2026-11-28T06:05:00Z","schemaVersion":1}
                """.formatted(ticket, source, ticket, reporter);
    }

    private Reports() {
    }
}
