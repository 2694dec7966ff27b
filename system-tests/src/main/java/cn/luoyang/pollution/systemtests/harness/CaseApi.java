package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.deploy.runtime.Component;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
     * 申请办结 with the reply, citing a site photo uploaded to the case first ({@link #uploadSitePhoto}):
     * a closure needs evidence that exists, whichever state it is asked from. The case then waits in
     * CLOSURE_REQUESTED for {@link #approveClosure} by a second person (not this one, who uploaded the
     * photo). Every suite closes cases through this one method, so what counts as closure evidence
     * changes here only.
     */
    public JsonHttp.Answer close(String caseId, String reply) {
        JsonHttp.Answer photo = uploadSitePhoto(caseId);
        if (photo.status() != 201) {
            return photo;
        }
        return http.method("POST", "/api/cases/" + caseId + "/close",
                Map.of("reply", reply, "evidence", List.of(photo.text("reference"))));
    }

    /** 取证: uploads {@code deploy/site-photo.jpg} (a real JPEG, as in the README's walk-through) to the case; 201 with its reference. */
    public JsonHttp.Answer uploadSitePhoto(String caseId) {
        byte[] jpeg;
        try {
            jpeg = Files.readAllBytes(SystemUnderTest.repositoryRoot().resolve("deploy/site-photo.jpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String boundary = "----site-photo-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site-photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + jpeg.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(jpeg, 0, body, head.length, jpeg.length);
        System.arraycopy(tail, 0, body, head.length + jpeg.length, tail.length);
        return http.postBytes("/api/cases/" + caseId + "/evidence", body, "multipart/form-data; boundary=" + boundary, Map.of());
    }

    /** 办结审核 approved: only now is the case CLOSED (the signed-in user must not have handled it). */
    public JsonHttp.Answer approveClosure(String caseId) {
        return http.method("POST", "/api/cases/" + caseId + "/closure-decision", Map.of("approve", true, "note", "同意办结"));
    }
}
