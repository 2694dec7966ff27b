package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.deploy.runtime.Component;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** 退单: the lead unit says the case is not theirs; dispatch routes it again or sends it to arbitration. */
    public JsonHttp.Answer returnCase(String caseId, String reasonCode, String reason) {
        return http.method("POST", "/api/cases/" + caseId + "/return", Map.of("reasonCode", reasonCode, "reason", reason));
    }

    /** 现场核查 started by the signed-in person (who then may not verify the rectification). */
    public JsonHttp.Answer startInspection(String caseId, String note) {
        return http.method("POST", "/api/cases/" + caseId + "/inspection",
                Map.of("evidence", List.of("arrival-photo-001.jpg"), "note", note));
    }

    /** 限期整改 with a deadline a week ahead. */
    public JsonHttp.Answer orderRectification(String caseId, String note) {
        return orderRectification(caseId, note, OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).withNano(0));
    }

    /** 限期整改 with the given deadline (整改期限; the RECTIFY clock runs to it). */
    public JsonHttp.Answer orderRectification(String caseId, String note, OffsetDateTime deadline) {
        return http.method("POST", "/api/cases/" + caseId + "/rectification-order", Map.of(
                "deadline", deadline.toString(), "evidence", List.of("rectification-order-001.pdf"), "note", note));
    }

    /** 已整改. */
    public JsonHttp.Answer rectified(String caseId, String note) {
        return http.method("POST", "/api/cases/" + caseId + "/rectified",
                Map.of("evidence", List.of("rectified-photo-001.jpg"), "note", note));
    }

    /** 到期复查: the finding of the re-inspection once the rectification order's deadline has passed. */
    public JsonHttp.Answer rectificationCheck(String caseId, boolean rectified, String note) {
        return http.method("POST", "/api/cases/" + caseId + "/rectification-check",
                Map.of("rectified", rectified, "evidence", List.of("recheck-photo-001.jpg"), "note", note));
    }

    /** 复查 by someone other than the inspector. */
    public JsonHttp.Answer verify(String caseId, String note) {
        return http.method("POST", "/api/cases/" + caseId + "/verification",
                Map.of("evidence", List.of("verification-photo-001.jpg"), "note", note));
    }

    /**
     * 申请办结 with the reply; straight after accepting the evidence list is required (当场办结). The
     * case then waits in CLOSURE_REQUESTED for {@link #approveClosure} by a second person. Every suite
     * closes cases through this one method, so what counts as closure evidence changes here only.
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
