package cn.luoyang.pollution.complaint.open311.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Who may post (an api_key per calling system) and which jurisdiction this endpoint serves. */
final class Open311Access {

    private final Map<String, String> apiKeys;
    private final String jurisdictionId;

    Open311Access(Open311Settings settings) {
        this.apiKeys = Map.copyOf(settings.apiKeys());
        this.jurisdictionId = settings.jurisdictionId();
    }

    /** @return the calling system's name; @throws Open311Exception 403 when the key is missing or unknown */
    String client(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Exception(403, "api_key is missing -- can't proceed with create_request");
        }
        return apiKeys.entrySet().stream()
                .filter(e -> MessageDigest.isEqual(e.getValue().getBytes(StandardCharsets.UTF_8),
                        apiKey.getBytes(StandardCharsets.UTF_8)))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new Open311Exception(403, "Invalid api_key received -- can't proceed with create_request"));
    }

    /** @throws Open311Exception 404 when a jurisdiction other than this one is asked for */
    void jurisdiction(String given) {
        if (given != null && !given.isBlank() && !given.equals(jurisdictionId)) {
            throw new Open311Exception(404, "jurisdiction_id " + given + " was not found; this endpoint serves " + jurisdictionId);
        }
    }
}
