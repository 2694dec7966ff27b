package cn.luoyang.pollution.enforcement.console.callbacks;

import cn.luoyang.pollution.kit.security.ServiceAccountCalls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * notification-service's callback worklist (回访) over HTTP ({@code console.notification-base-url}):
 * the tasks and the reporters' numbers are notification's, so the console only shows and forwards.
 * Calls are signed with the console's service account on behalf of the signed-in operator
 * ({@code X-On-Behalf-Of}, as {@code DispatchClient} does), so notification takes, reveals and records
 * in that operator's name: a number is revealed only to the operator who took the task.
 */
@Component
class NotificationClient {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> ONE = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    NotificationClient(RestClient.Builder builder, ServiceAccountCalls serviceAccount,
            @Value("${console.notification-base-url:http://127.0.0.1:8084}") String baseUrl) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.clone().baseUrl(baseUrl).requestFactory(timeouts)
                .requestInterceptor(serviceAccount.interceptor()).build();
    }

    /** Rows, or why notification-service could not answer. */
    record Listing(List<Map<String, Object>> rows, String unavailable) {
    }

    /** What notification answered: the body when it took the call, else its status and problem text. */
    record Outcome(boolean ok, int status, Map<String, Object> body, String message) {
    }

    /** Open tasks due now, oldest first. */
    Listing due() {
        return list("/api/callbacks?limit=100");
    }

    /** The operator's own taken tasks. */
    Listing mine() {
        return list("/api/callbacks/mine?limit=100");
    }

    Outcome take(String id) {
        return post("/api/callbacks/{id}/take", id, Map.of());
    }

    /** {@code {"taskId","phone"}} for the holder only. */
    Outcome reveal(String id) {
        return post("/api/callbacks/{id}/reveal", id, Map.of());
    }

    Outcome record(String id, Map<String, Object> outcome) {
        return post("/api/callbacks/{id}/outcome", id, outcome);
    }

    private Listing list(String path) {
        try {
            List<Map<String, Object>> rows = http.get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().body(ROWS);
            return new Listing(rows == null ? List.of() : rows, null);
        } catch (RestClientException e) {
            return new Listing(List.of(), e.getMessage());
        }
    }

    private Outcome post(String path, String id, Map<String, Object> body) {
        try {
            Map<String, Object> answer = http.post().uri(path, id).contentType(MediaType.APPLICATION_JSON).body(body)
                    .retrieve().body(ONE);
            return new Outcome(true, 200, answer == null ? Map.of() : answer, null);
        } catch (RestClientResponseException e) {
            return new Outcome(false, e.getStatusCode().value(), Map.of(), e.getResponseBodyAsString());
        } catch (RestClientException e) {
            return new Outcome(false, 503, Map.of(), e.getMessage());
        }
    }
}
