package cn.luoyang.pollution.dispatch.support;

import cn.luoyang.pollution.testing.security.AccessCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny JSON-over-HTTP client for adapter tests against the running service. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** Signed in as the campaign office (攻坚办), who owns dispatch's rules, registry and queue. */
    public Http(int port) {
        this(port, AccessCheck.basicFor("CAMPAIGN_OFFICE"));
    }

    /** Sending this {@code Authorization} header value with every request. */
    public Http(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    public record Response(int status, JsonNode body) {
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response postCsv(String path, String csv) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    public Response putCsv(String path, String csv) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private Response send(HttpRequest unsigned) {
        HttpRequest request = HttpRequest.newBuilder(unsigned, (name, value) -> true)
                .header("Authorization", authorization).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
