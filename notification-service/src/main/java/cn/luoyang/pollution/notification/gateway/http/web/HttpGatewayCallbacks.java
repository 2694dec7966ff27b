package cn.luoyang.pollution.notification.gateway.http.web;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.IncomingReply;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the HTTP SMS provider pushes delivery reports and reporters' replies (状态报告 and 上行
 * callbacks), each a JSON array. The provider proves itself with {@code X-Callback-Token}. A bad
 * item gets a 400 naming the field, and nothing of that batch is taken, so the provider's retry
 * of a corrected batch does not double anything.
 */
@RestController
@ConditionalOnProperty(name = "notification.gateway", havingValue = "http")
@RequestMapping("/api/sms/http")
class HttpGatewayCallbacks {

    /** One delivery report: the provider's id for the message and its final status. */
    public record Report(String bizId, String status, String errCode) {
    }

    /** One reply: who sent it, what, and when the provider received it. */
    public record Reply(String phoneNumber, String content, Instant receivedAt) {
    }

    private final GatewayInbox inbox;
    private final String token;
    private final Clock clock;

    public HttpGatewayCallbacks(GatewayInbox inbox, @Value("${notification.http.callback-token:}") String token,
            Clock clock) {
        this.inbox = inbox;
        this.token = token;
        this.clock = clock;
    }

    @PostMapping("/delivery-reports")
    public ResponseEntity<Map<String, Object>> deliveryReports(
            @RequestHeader(name = "X-Callback-Token", required = false) String presented, @RequestBody List<Report> reports) {
        if (!authentic(presented)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "bad callback token"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            if (r == null || blank(r.bizId())) {
                errors.put("[" + i + "].bizId", "must not be blank");
            }
            if (r == null || !("DELIVERED".equals(r.status()) || "FAILED".equals(r.status()))) {
                errors.put("[" + i + "].status", "must be DELIVERED or FAILED");
            }
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("errors", errors));
        }
        reports.forEach(r -> inbox.deliveryReport(new DeliveryReport(r.bizId(), "DELIVERED".equals(r.status()),
                "DELIVERED".equals(r.status()) ? "DELIVERED" : "FAILED " + (r.errCode() == null ? "" : r.errCode()))));
        return ResponseEntity.ok(Map.of("code", "OK", "accepted", reports.size()));
    }

    @PostMapping("/replies")
    public ResponseEntity<Map<String, Object>> replies(
            @RequestHeader(name = "X-Callback-Token", required = false) String presented, @RequestBody List<Reply> replies) {
        if (!authentic(presented)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "bad callback token"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            Reply r = replies.get(i);
            if (r == null || blank(r.phoneNumber())) {
                errors.put("[" + i + "].phoneNumber", "must not be blank");
            }
            if (r == null || r.content() == null) {
                errors.put("[" + i + "].content", "must be present");
            }
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("errors", errors));
        }
        replies.forEach(r -> inbox.reply(new IncomingReply(r.phoneNumber(), r.content(),
                r.receivedAt() != null ? r.receivedAt() : clock.instant())));
        return ResponseEntity.ok(Map.of("code", "OK", "accepted", replies.size()));
    }

    private boolean authentic(String presented) {
        if (token == null || token.isBlank()) {
            return true;
        }
        return presented != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
