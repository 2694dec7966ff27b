package cn.luoyang.pollution.notification.gateway.http.web;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.kit.problems.Problems;
import cn.luoyang.pollution.kit.security.CallbackSignature;
import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.IncomingReply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the HTTP SMS provider pushes delivery reports and reporters' replies (状态报告 and 上行
 * callbacks), each a JSON array. The provider signs each call ({@link CallbackSignature}: HMAC-SHA256
 * over the time and the exact body, header {@code X-Signature}); a forged, stale or replayed call is
 * refused with 401 before anything is read. A bad item gets a 400 naming the field, and nothing of
 * that batch is taken, so the provider's retry of a corrected batch does not double anything. A
 * reply counts as received when it reaches us: the provider's own time is not trusted for the survey.
 */
@RestController
@ConditionalOnProperty(name = "notification.gateway", havingValue = "http")
@RequestMapping("/api/sms/http")
class HttpGatewayCallbacks {

    /** One delivery report: the provider's id for the message and its final status. */
    public record Report(String bizId, String status, String errCode) {
    }

    /** One reply: who sent it and what (a {@code receivedAt} the provider adds is ignored). */
    public record Reply(String phoneNumber, String content) {
    }

    private static final TypeReference<List<Report>> REPORTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Reply>> REPLIES = new TypeReference<>() {
    };

    private final GatewayInbox inbox;
    private final CallbackVerifier verifier;
    private final JsonMapper json;
    private final Clock clock;

    public HttpGatewayCallbacks(GatewayInbox inbox, CallbackVerifier verifier, JsonMapper json, Clock clock) {
        this.inbox = inbox;
        this.verifier = verifier;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/delivery-reports")
    public ResponseEntity<?> deliveryReports(
            @RequestHeader(name = CallbackSignature.HEADER, required = false) String signature, @RequestBody byte[] body) {
        String refusal = verifier.refusal(signature, body);
        if (refusal != null) {
            return refused(refusal);
        }
        List<Report> reports;
        try {
            reports = json.readValue(body, REPORTS);
        } catch (JacksonException e) {
            return Problems.invalid("malformed-json", List.of(new FieldError("body", "not a JSON array of delivery reports")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (r == null || blank(r.bizId())) {
                errors.add(new FieldError("[" + i + "].bizId", "must not be blank"));
            }
            if (r == null || !("DELIVERED".equals(r.status()) || "FAILED".equals(r.status()))) {
                errors.add(new FieldError("[" + i + "].status", "must be DELIVERED or FAILED"));
            }
        }
        if (!errors.isEmpty()) {
            return Problems.invalid("validation", errors);
        }
        inbox.deliveryReports(reports.stream().map(r -> new DeliveryReport(r.bizId(), "DELIVERED".equals(r.status()),
                "DELIVERED".equals(r.status()) ? "DELIVERED" : "FAILED " + (r.errCode() == null ? "" : r.errCode()))).toList());
        return ResponseEntity.ok(Map.of("code", "OK", "accepted", reports.size()));
    }

    @PostMapping("/replies")
    public ResponseEntity<?> replies(
            @RequestHeader(name = CallbackSignature.HEADER, required = false) String signature, @RequestBody byte[] body) {
        String refusal = verifier.refusal(signature, body);
        if (refusal != null) {
            return refused(refusal);
        }
        List<Reply> replies;
        try {
            replies = json.readValue(body, REPLIES);
        } catch (JacksonException e) {
            return Problems.invalid("malformed-json", List.of(new FieldError("body", "not a JSON array of replies")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i);
            if (r == null || blank(r.phoneNumber())) {
                errors.add(new FieldError("[" + i + "].phoneNumber", "must not be blank"));
            }
            if (r == null || r.content() == null) {
                errors.add(new FieldError("[" + i + "].content", "must be present"));
            }
        }
        if (!errors.isEmpty()) {
            return Problems.invalid("validation", errors);
        }
        replies.forEach(r -> inbox.reply(new IncomingReply(r.phoneNumber(), r.content(), clock.instant())));
        return ResponseEntity.ok(Map.of("code", "OK", "accepted", replies.size()));
    }

    private static ResponseEntity<?> refused(String reason) {
        return Problems.of(HttpStatus.UNAUTHORIZED, reason, "the callback is not signed by the provider, too old, or a replay");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
