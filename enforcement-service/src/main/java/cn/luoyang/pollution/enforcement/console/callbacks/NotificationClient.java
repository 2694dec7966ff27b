package cn.luoyang.pollution.enforcement.console.callbacks;

import cn.luoyang.pollution.enforcement.console.PeerService.Listing;
import cn.luoyang.pollution.enforcement.console.PeerService.Outcome;
import cn.luoyang.pollution.enforcement.console.PeerService;
import cn.luoyang.pollution.kit.security.ServiceAccountCalls;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * notification-service's callback worklist (回访) over HTTP ({@code console.notification-base-url}):
 * the tasks and the reporters' numbers are notification's, so the console only shows and forwards.
 * Calls are signed with the console's service account on behalf of the signed-in operator
 * ({@code X-On-Behalf-Of}, through {@link PeerService}), so notification takes, reveals and records
 * in that operator's name: a number is revealed only to the operator who took the task.
 */
@Component
class NotificationClient {

    private final PeerService notification;

    NotificationClient(RestClient.Builder builder, ServiceAccountCalls serviceAccount,
            @Value("${console.notification-base-url:http://127.0.0.1:8084}") String baseUrl) {
        this.notification = new PeerService(builder, serviceAccount, baseUrl);
    }

    /** Open tasks due now, oldest first. */
    Listing due() {
        return notification.list("/api/callbacks?limit=100");
    }

    /** The operator's own taken tasks. */
    Listing mine() {
        return notification.list("/api/callbacks/mine?limit=100");
    }

    Outcome take(String id) {
        return notification.post("/api/callbacks/{id}/take", id, Map.of());
    }

    /** {@code {"taskId","phone"}} for the holder only. */
    Outcome reveal(String id) {
        return notification.post("/api/callbacks/{id}/reveal", id, Map.of());
    }

    Outcome record(String id, Map<String, Object> outcome) {
        return notification.post("/api/callbacks/{id}/outcome", id, outcome);
    }
}
