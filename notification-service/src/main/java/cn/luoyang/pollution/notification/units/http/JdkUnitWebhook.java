package cn.luoyang.pollution.notification.units.http;

import cn.luoyang.pollution.notification.units.UnitAlert;
import cn.luoyang.pollution.notification.units.UnitWebhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** A JSON POST of the alert's payload, with the alert id as {@code Idempotency-Key} so a unit can drop a repeat. */
public final class JdkUnitWebhook implements UnitWebhook {

    private final HttpClient client;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    public JdkUnitWebhook(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void post(UnitAlert alert) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(alert.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", alert.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(alert.payload())))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("I/O: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
