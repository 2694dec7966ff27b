package cn.luoyang.pollution.enforcement.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code console.*}: where the campaign office pages reach dispatch-service (manual queue and
 * arbitration live there), and how large an uploaded photo may be.
 */
@ConfigurationProperties("console")
public record ConsoleProperties(String dispatchBaseUrl, Long maxUploadBytes) {

    public ConsoleProperties {
        dispatchBaseUrl = dispatchBaseUrl == null || dispatchBaseUrl.isBlank() ? "http://127.0.0.1:8082" : dispatchBaseUrl;
        maxUploadBytes = maxUploadBytes == null ? 10L * 1024 * 1024 : maxUploadBytes;
    }
}
