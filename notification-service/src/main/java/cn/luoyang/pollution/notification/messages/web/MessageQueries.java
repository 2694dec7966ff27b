package cn.luoyang.pollution.notification.messages.web;

import cn.luoyang.pollution.kit.problems.Problems;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was sent to a complaint's reporter, for operators and end-to-end checks: masked numbers only. */
@RestController
@RequestMapping("/api/sms")
class MessageQueries {

    /** One message as operators see it. */
    record MessageView(String id, String complaintId, String caseId, String milestone, String state, String maskedPhone,
            String text, int attempts, String gatewayMessageId, Instant queuedAt, Instant sentAt, String reason) {

        static MessageView of(SmsMessage m) {
            return new MessageView(m.id(), m.complaintId(), m.caseId(), m.milestone().name(), m.state().name(),
                    m.maskedPhone(), m.text(), m.attempts(), m.gatewayMessageId(), m.queuedAt(), m.sentAt(), m.reason());
        }
    }

    private static final int MAX_LIMIT = 1000;

    private final Messages messages;

    MessageQueries(Messages messages) {
        this.messages = messages;
    }

    @GetMapping
    ResponseEntity<?> forComplaint(@RequestParam(required = false) String complaintId) {
        if (complaintId == null || complaintId.isBlank()) {
            return Problems.field(HttpStatus.BAD_REQUEST, "validation", "complaintId", "must not be blank");
        }
        List<MessageView> views = messages.forComplaint(complaintId).stream().map(MessageView::of).toList();
        return ResponseEntity.ok(views);
    }

    /**
     * Messages that may or may not have reached the reporter (a gateway timeout, or a hand-over cut
     * by a crash), newest first: they are never retried, so an operator decides what to do.
     */
    @GetMapping("/outcome-unknown")
    ResponseEntity<?> withUnknownOutcome(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Problems.field(HttpStatus.BAD_REQUEST, "validation", "limit", "must be between 1 and " + MAX_LIMIT);
        }
        return ResponseEntity.ok(messages.withUnknownOutcome(limit).stream().map(MessageView::of).toList());
    }
}
