package cn.luoyang.pollution.notification.gateway.http;

import cn.luoyang.pollution.notification.gateway.GatewayException;
import cn.luoyang.pollution.notification.gateway.GatewayException.Outcome;
import cn.luoyang.pollution.notification.gateway.OutgoingSms;
import cn.luoyang.pollution.notification.gateway.SmsGateway;
import cn.luoyang.pollution.notification.gateway.Submission;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic HTTP SMS gateway: {@code POST sendUrl} with
 * {@code {"outId", "phoneNumber", "signName", "content"}} and the message id as
 * {@code Idempotency-Key}; the answer {@code {"code":"OK","bizId":"..."}} gives the gateway id that
 * the provider's delivery-report callback will name. How failures read: a refused connection, 429
 * or 503, or code {@code THROTTLED} sent nothing (retry); another 4xx or code refused this message;
 * a timeout or another 5xx may have sent it (not retried, see {@link Outcome#UNKNOWN}).
 */
public final class HttpGateway implements SmsGateway {

    private final HttpGatewaySettings settings;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();

    public HttpGateway(HttpGatewaySettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Submission submit(OutgoingSms sms) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("outId", sms.messageId());
        body.put("phoneNumber", sms.phoneNumber());
        body.put("signName", settings.signName());
        body.put("content", sms.text());
        HttpRequest request = HttpRequest.newBuilder(settings.sendUrl())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Idempotency-Key", sms.messageId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new GatewayException(Outcome.NOT_SENT, "connection refused", e);
        } catch (HttpTimeoutException e) {
            throw new GatewayException(Outcome.UNKNOWN, "timeout", e);
        } catch (IOException e) {
            throw new GatewayException(Outcome.UNKNOWN, "I/O: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(Outcome.UNKNOWN, "interrupted", e);
        }
        return read(response);
    }

    private Submission read(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429 || status == 503) {
            throw new GatewayException(Outcome.NOT_SENT, "HTTP " + status);
        }
        if (status >= 500) {
            throw new GatewayException(Outcome.UNKNOWN, "HTTP " + status);
        }
        if (status >= 400) {
            throw new GatewayException(Outcome.REJECTED, "HTTP " + status);
        }
        try {
            JsonNode answer = json.readTree(response.body());
            String code = answer.path("code").asString("");
            if ("OK".equalsIgnoreCase(code) && !answer.path("bizId").asString("").isBlank()) {
                return new Submission(answer.path("bizId").asString());
            }
            if ("THROTTLED".equalsIgnoreCase(code)) {
                throw new GatewayException(Outcome.NOT_SENT, "provider throttled");
            }
            throw new GatewayException(Outcome.REJECTED, "provider code " + code);
        } catch (JacksonException e) {
            throw new GatewayException(Outcome.UNKNOWN, "unreadable answer", e);
        }
    }
}
