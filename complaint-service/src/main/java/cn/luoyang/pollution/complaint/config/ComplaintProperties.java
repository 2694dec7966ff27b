package cn.luoyang.pollution.complaint.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code complaints.*}: every knob of this service, with its defaults in application.yml. */
@ConfigurationProperties("complaints")
public record ComplaintProperties(CityArea cityArea, Media media, Intake intake, Tracking tracking, Outbox outbox, Open311 open311) {

    public record CityArea(String name, double minLongitude, double maxLongitude, double minLatitude, double maxLatitude) {
    }

    public record Media(Set<String> imageTypes, Set<String> videoTypes, long maxImageBytes, long maxVideoBytes, int maxItems) {
    }

    public record Intake(int maxBodyBytes) {
    }

    public record Tracking(int blockSize) {
    }

    public record Outbox(Duration relayInterval, Duration grace) {
    }

    /** @param apiKeys calling system → its key; {@code POST requests} needs one of these */
    public record Open311(String jurisdictionId, Map<String, String> apiKeys, int maxResults) {
    }
}
