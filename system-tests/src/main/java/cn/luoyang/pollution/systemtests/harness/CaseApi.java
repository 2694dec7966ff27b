package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.deploy.runtime.Component;
import java.util.List;
import java.util.Map;

/** enforcement-service's handler API, as one demo person with a bearer token from the runtime's identity provider. */
public final class CaseApi {

    private final JsonHttp http;

    public CaseApi(SystemUnderTest system, String user) {
        this.http = new JsonHttp(system.url(Component.ENFORCEMENT))
                .withAuthorization(() -> system.tokens().bearer(user, Handlers.PASSWORD));
    }

    public JsonHttp.Answer inbox() {
        return http.get("/api/cases/inbox");
    }

    public JsonHttp.Answer get(String caseId) {
        return http.get("/api/cases/" + caseId);
    }

    /** 签收. */
    public JsonHttp.Answer accept(String caseId) {
        return http.method("POST", "/api/cases/" + caseId + "/accept", Map.of("note", "已签收"));
    }

    /**
     * 申请办结 with the reply; straight after accepting the evidence list is required (当场办结). The
     * case then waits in CLOSURE_REQUESTED for {@link #approveClosure} by a second person.
     */
    public JsonHttp.Answer close(String caseId, String reply) {
        return http.method("POST", "/api/cases/" + caseId + "/close",
                Map.of("reply", reply, "evidence", List.of("inspection-record-001.pdf", "photo-001.jpg")));
    }

    /** 办结审核 approved: only now is the case CLOSED (the signed-in user must not have handled it). */
    public JsonHttp.Answer approveClosure(String caseId) {
        return http.method("POST", "/api/cases/" + caseId + "/closure-decision", Map.of("approve", true, "note", "同意办结"));
    }
}
