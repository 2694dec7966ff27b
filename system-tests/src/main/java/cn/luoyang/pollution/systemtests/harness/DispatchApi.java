package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.deploy.runtime.Component;
import java.util.List;
import java.util.Map;

/**
 * dispatch-service's campaign-office API (攻坚办, see its README) as one demo person with a bearer token:
 * the cases waiting for arbitration after returns, and the final decision on one of them.
 */
public final class DispatchApi {

    private final JsonHttp http;

    public DispatchApi(SystemUnderTest system, String user) {
        this.http = new JsonHttp(system.url(Component.DISPATCH))
                .withAuthorization(() -> system.tokens().bearer(user, Handlers.PASSWORD));
    }

    /** {@code POST /dispatch/sources/import}: registry rows (台账) as CSV, all or none. */
    public JsonHttp.Answer importSources(String csv) {
        return http.postBytes("/dispatch/sources/import", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv",
                Map.of());
    }

    /** {@code GET /dispatch/arbitrations}: dispatch's case files waiting for the campaign office. */
    public JsonHttp.Answer arbitrations() {
        return http.get("/dispatch/arbitrations");
    }

    /** 仲裁: the campaign office names the lead department (district level, routine, standard limits) with its reason. */
    public JsonHttp.Answer arbitrate(String caseId, String leadDepartment, String reason) {
        return http.method("POST", "/dispatch/arbitrations/" + caseId + "/decide", Map.of(
                "leadDepartment", leadDepartment, "coHandlingDepartments", List.of(), "level", "DISTRICT",
                "priority", "ROUTINE", "deadlineProfile", "STANDARD", "reason", reason));
    }
}
