package cn.luoyang.pollution.notification.units.http;

import cn.luoyang.pollution.notification.units.UnitAlert;
import cn.luoyang.pollution.notification.units.UnitWebhook;
import cn.luoyang.pollution.kit.security.CallbackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON POST of the alert's payload, with the alert id as {@code Idempotency-Key} so a unit can drop a
 * repeat, signed ({@code X-Signature}, HMAC-SHA256 over the time and the body) with the secret the
 * units hold, the same scheme our SMS provider's callbacks use.
 */
public final class JdkUnitWebhook implements UnitWebhook {

    private final HttpClient client;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CallbackSignature signature;
    private final Clock clock;

    /** {@code signature} may be null only when no unit has a webhook (nothing is ever posted). */
    public JdkUnitWebhook(Duration timeout, CallbackSignature signature, Clock clock) {
        this.timeout = timeout;
        this.signature = signature;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public void post(UnitAlert alert) {
        byte[] body = json.writeValueAsBytes(alert.payload());
        HttpRequest request = HttpRequest.newBuilder(URI.create(alert.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", alert.id())
                .header(CallbackSignature.HEADER, signature.sign(body, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
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
