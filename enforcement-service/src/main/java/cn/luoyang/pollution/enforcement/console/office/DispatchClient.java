package cn.luoyang.pollution.enforcement.console.office;

import cn.luoyang.pollution.enforcement.console.ConsoleProperties;
import cn.luoyang.pollution.enforcement.console.PeerService.Listing;
import cn.luoyang.pollution.enforcement.console.PeerService.Outcome;
import cn.luoyang.pollution.enforcement.console.PeerService;
import cn.luoyang.pollution.kit.security.ServiceAccountCalls;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * dispatch-service's campaign-office endpoints over HTTP ({@code console.dispatch-base-url}): the
 * manual queue and arbitration are dispatch's decisions, so the console only shows and forwards.
 * Calls go through {@link PeerService}, on behalf of the signed-in person, whom dispatch records as the author.
 */
@Component
public class DispatchClient {

    private final PeerService dispatch;

    DispatchClient(RestClient.Builder builder, ConsoleProperties properties, ServiceAccountCalls serviceAccount) {
        this.dispatch = new PeerService(builder, serviceAccount, properties.dispatchBaseUrl());
    }

    public Listing queue() {
        return dispatch.list("/dispatch/queue");
    }

    public Listing arbitrations() {
        return dispatch.list("/dispatch/arbitrations");
    }

    public Outcome assign(String complaintId, Map<String, Object> assignment) {
        return dispatch.post("/dispatch/queue/{id}/assign", complaintId, assignment);
    }

    public Outcome arbitrate(String caseId, Map<String, Object> decision) {
        return dispatch.post("/dispatch/arbitrations/{id}/decide", caseId, decision);
    }
}
