package cn.luoyang.pollution.testing.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a service's endpoints as anonymous and as every role of the platform, and reports each answer
 * that does not match the expected owner: anonymous is refused as unauthenticated unless the row is
 * open, a role the row does not list is refused (403; or 401 from a service that takes no credentials
 * at all), a role it lists is not refused (its answer may be 200, 400, 404...). "Unauthenticated" is the platform's own 401 (problem type
 * {@code urn:luoyang:problem:unauthenticated}), so an open endpoint that checks a secret of its own
 * (a provider's signed callback) may still answer 401 to a caller without it. The rows are the test's
 * own statement of who owns what, written independently of the service's table.
 */
public final class AccessCheck {

    /** The demo user of each role in test-support's {@code platform-users-test.yml}, with its password. */
    public static final Map<String, String[]> USERS = users();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public AccessCheck(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** One endpoint and who may call it; {@code roles} empty means open to anyone. */
    public record Row(String method, String path, Set<String> roles) {

        public static Row open(String method, String path) {
            return new Row(method, path, Set.of());
        }

        public static Row only(String method, String path, String... roles) {
            return new Row(method, path, Set.of(roles));
        }

        boolean open() {
            return roles.isEmpty();
        }
    }

    /** Every mismatch between the rows and the service's answers; empty when the service keeps the table. */
    public List<String> violations(List<Row> rows) {
        List<String> found = new ArrayList<>();
        for (Row row : rows) {
            HttpResponse<String> anonymous = call(row, null);
            if (row.open() ? refused(anonymous) : !unauthenticated(anonymous)) {
                found.add(row.method() + " " + row.path() + " as anonymous: " + anonymous.statusCode());
            }
            USERS.forEach((role, credentials) -> {
                HttpResponse<String> answer = call(row, credentials);
                boolean allowed = row.open() || row.roles().contains(role);
                if (allowed == refused(answer)) {
                    found.add(row.method() + " " + row.path() + " as " + role + ": " + answer.statusCode());
                }
            });
        }
        return found;
    }

    private static boolean unauthenticated(HttpResponse<String> answer) {
        return answer.statusCode() == 401 && answer.body().contains("urn:luoyang:problem:unauthenticated");
    }

    private static boolean refused(HttpResponse<String> answer) {
        return unauthenticated(answer) || answer.statusCode() == 403;
    }

    /** One call with these credentials ({@code null}: none). */
    public HttpResponse<String> call(Row row, String[] credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + row.path()))
                .header("Content-Type", "application/json")
                .method(row.method(), row.method().equals("GET") || row.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (credentials != null) {
            request.header("Authorization", basic(credentials[0], credentials[1]));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(row + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP Basic header value. */
    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The HTTP Basic header value of the demo user with this role. */
    public static String basicFor(String role) {
        String[] credentials = USERS.get(role);
        return basic(credentials[0], credentials[1]);
    }

    private static Map<String, String[]> users() {
        Map<String, String[]> users = new LinkedHashMap<>();
        users.put("HANDLER", new String[] {"cg-jianxi", "luoyang2026"});
        users.put("GRID_MEMBER", new String[] {"grid-jianxi", "luoyang2026"});
        users.put("CAMPAIGN_OFFICE", new String[] {"campaign", "luoyang2026"});
        users.put("SUPERVISOR", new String[] {"supervisor", "luoyang2026"});
        users.put("DISCIPLINE", new String[] {"discipline", "luoyang2026"});
        users.put("OPERATOR", new String[] {"operator", "luoyang2026"});
        users.put("ADMIN", new String[] {"admin", "luoyang2026"});
        users.put("SERVICE", new String[] {"svc-console", "console-service-2026"});
        return Collections.unmodifiableMap(users);
    }
}
