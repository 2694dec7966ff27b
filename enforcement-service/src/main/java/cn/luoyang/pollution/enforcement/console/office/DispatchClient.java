package cn.luoyang.pollution.enforcement.console.office;

import cn.luoyang.pollution.enforcement.console.ConsoleProperties;
import cn.luoyang.pollution.kit.security.ServiceAccountCalls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * dispatch-service's campaign-office endpoints over HTTP ({@code console.dispatch-base-url}): the
 * manual queue and arbitration are dispatch's decisions, so the console only shows and forwards.
 * Rows are kept as plain maps: the console does not depend on dispatch's classes. Calls are signed with
 * the console's service account on behalf of the signed-in person, who dispatch records as the author.
 */
@Component
public class DispatchClient {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    DispatchClient(RestClient.Builder builder, ConsoleProperties properties, ServiceAccountCalls serviceAccount) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(10));
        this.http = builder.clone().baseUrl(properties.dispatchBaseUrl()).requestFactory(timeouts)
                .requestInterceptor(serviceAccount.interceptor()).build();
    }

    /** The result of a call: rows, or why dispatch-service could not answer. */
    public record Listing(List<Map<String, Object>> rows, String unavailable) {
    }

    /** What dispatch answered to an assignment or arbitration: ok, or its message and field errors. */
    public record Outcome(boolean ok, int status, String message) {
    }

    public Listing queue() {
        return list("/dispatch/queue");
    }

    public Listing arbitrations() {
        return list("/dispatch/arbitrations");
    }

    public Outcome assign(String complaintId, Map<String, Object> assignment) {
        return post("/dispatch/queue/{id}/assign", complaintId, assignment);
    }

    public Outcome arbitrate(String caseId, Map<String, Object> decision) {
        return post("/dispatch/arbitrations/{id}/decide", caseId, decision);
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
            http.post().uri(path, id).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
            return new Outcome(true, 200, null);
        } catch (RestClientResponseException e) {
            return new Outcome(false, e.getStatusCode().value(), e.getResponseBodyAsString());
        } catch (RestClientException e) {
            return new Outcome(false, 503, e.getMessage());
        }
    }
}
