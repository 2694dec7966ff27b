package cn.luoyang.pollution.systemtests.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small JSON-over-HTTP client for the services' APIs (java.net.http; no Spring on the calling side). */
public final class JsonHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** An answer: status, raw body, parsed JSON (a missing node when the body is not JSON), and headers. */
    public record Answer(int status, String body, JsonNode json, Map<String, java.util.List<String>> headers) {
        public String text(String field) {
            JsonNode n = json.path(field);
            return n.isMissingNode() || n.isNull() ? null : n.asString();
        }
    }

    private final String baseUrl;
    private final Supplier<String> authorization;

    public JsonHttp(String baseUrl) {
        this(baseUrl, null);
    }

    private JsonHttp(String baseUrl, Supplier<String> authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    /** Every request carries {@code Authorization: <what the supplier gives then>} (a bearer token renewed when due). */
    public JsonHttp withAuthorization(Supplier<String> authorization) {
        return new JsonHttp(baseUrl, authorization);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer postJson(String path, Object body) {
        return postBytes(path, JSON.writeValueAsBytes(body), "application/json", Map.of());
    }

    public Answer postBytes(String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b);
    }

    public Answer method(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        HttpRequest.Builder b = request(path).method(method, publisher);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization.get());
        }
        return b;
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json;
            try {
                json = r.body() == null || r.body().isBlank() ? JSON.missingNode() : JSON.readTree(r.body());
            } catch (RuntimeException notJson) {
                json = JSON.missingNode();
            }
            return new Answer(r.statusCode(), r.body(), json, r.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
