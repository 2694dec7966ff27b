package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.deploy.runtime.Component;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * notification-service's escalation directory (责任人名录, see its README "Escalations reach people") as
 * the campaign office keeps it: the people overdue and escalation SMS go to.
 */
public final class EscalationDirectoryApi {

    private final JsonHttp http;

    public EscalationDirectoryApi(SystemUnderTest system, String user) {
        this.http = new JsonHttp(system.url(Component.NOTIFICATION))
                .withAuthorization(() -> system.tokens().bearer(user, Handlers.PASSWORD));
    }

    /** {@code POST /api/escalations/directory/import}: CSV lines {@code unit,role,name,mobile}, all or none. */
    public JsonHttp.Answer importCsv(String csv) {
        return http.postBytes("/api/escalations/directory/import", csv.getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=utf-8", Map.of());
    }
}
