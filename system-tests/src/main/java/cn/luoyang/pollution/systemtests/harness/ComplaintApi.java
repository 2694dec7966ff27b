package cn.luoyang.pollution.systemtests.harness;

import java.util.Map;

/** complaint-service's native HTTP API ({@code POST /api/complaints}, see its README). */
public final class ComplaintApi {

    private final JsonHttp http;

    public ComplaintApi(String baseUrl) {
        this.http = new JsonHttp(baseUrl);
    }

    /** Files a report; 201 with {@code complaintId}, {@code trackingNumber}, {@code status}, or 4xx with field errors. */
    public JsonHttp.Answer file(Map<String, Object> body, String idempotencyKey) {
        return http.postBytes("/api/complaints", JsonHttp.JSON.writeValueAsBytes(body), "application/json",
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    public JsonHttp.Answer fileRaw(byte[] body, String contentType) {
        return http.postBytes("/api/complaints", body, contentType, Map.of());
    }

    public JsonHttp.Answer get(String path) {
        return http.get(path);
    }

    public JsonHttp http() {
        return http;
    }
}
