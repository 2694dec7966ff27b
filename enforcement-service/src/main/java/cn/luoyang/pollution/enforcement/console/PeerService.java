package cn.luoyang.pollution.enforcement.console;

import cn.luoyang.pollution.kit.security.ServiceAccountCalls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Another service of the platform whose decisions the console shows and forwards (dispatch-service's
 * queue and arbitration, notification-service's callback worklist): JSON over HTTP with short timeouts,
 * signed with the console's service account on behalf of the signed-in person ({@code X-On-Behalf-Of}),
 * so the other service records that person as the author. Rows are plain maps: the console does not
 * depend on the other service's classes. A call that fails is an answer, never an exception.
 */
public final class PeerService {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> ONE = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    public PeerService(RestClient.Builder builder, ServiceAccountCalls serviceAccount, String baseUrl) {
        this(builder, serviceAccount, baseUrl, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    /** With its own timeouts: a read that only adds to a page must not hold the page up long. */
    public PeerService(RestClient.Builder builder, ServiceAccountCalls serviceAccount, String baseUrl, Duration connect,
            Duration read) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(connect);
        timeouts.setReadTimeout(read);
        this.http = builder.clone().baseUrl(baseUrl).requestFactory(timeouts)
                .requestInterceptor(serviceAccount.interceptor()).build();
    }

    /** Rows, or why the service could not answer. */
    public record Listing(List<Map<String, Object>> rows, String unavailable) {
    }

    /** What the service answered: its body when it took the call, else its status and problem text. */
    public record Outcome(boolean ok, int status, Map<String, Object> body, String message) {
    }

    public Listing list(String path) {
        try {
            List<Map<String, Object>> rows = http.get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().body(ROWS);
            return new Listing(rows == null ? List.of() : rows, null);
        } catch (RestClientException e) {
            return new Listing(List.of(), e.getMessage());
        }
    }

    /** GETs one JSON object from {@code path} with its one {@code {id}}. */
    public Outcome get(String path, String id) {
        try {
            Map<String, Object> answer = http.get().uri(path, id).accept(MediaType.APPLICATION_JSON).retrieve().body(ONE);
            return new Outcome(true, 200, answer == null ? Map.of() : answer, null);
        } catch (RestClientResponseException e) {
            return new Outcome(false, e.getStatusCode().value(), Map.of(), e.getResponseBodyAsString());
        } catch (RestClientException e) {
            return new Outcome(false, 503, Map.of(), e.getMessage());
        }
    }

    /** POSTs {@code body} as JSON to {@code path} with its one {@code {id}}. */
    public Outcome post(String path, String id, Map<String, Object> body) {
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
