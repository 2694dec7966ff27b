package cn.luoyang.pollution.enforcement.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code console.*}: where the campaign office pages reach dispatch-service (manual queue and
 * arbitration live there), how large an uploaded photo may be, and how often an open inbox asks
 * for new cases ({@code inbox-poll-seconds}, 30).
 */
@ConfigurationProperties("console")
public record ConsoleProperties(String dispatchBaseUrl, Long maxUploadBytes, Integer inboxPollSeconds) {

    public ConsoleProperties {
        dispatchBaseUrl = dispatchBaseUrl == null || dispatchBaseUrl.isBlank() ? "http://127.0.0.1:8082" : dispatchBaseUrl;
        maxUploadBytes = maxUploadBytes == null ? 10L * 1024 * 1024 : maxUploadBytes;
        inboxPollSeconds = inboxPollSeconds == null || inboxPollSeconds < 1 ? 30 : inboxPollSeconds;
    }
}
