package cn.luoyang.pollution.complaint.intake.messaging;

import cn.luoyang.pollution.complaint.intake.IntakeService;
import cn.luoyang.pollution.complaint.intake.InvalidComplaintException;
import cn.luoyang.pollution.complaint.intake.PhoneRedaction;
import cn.luoyang.pollution.complaint.intake.TicketConflictException;
import cn.luoyang.pollution.complaint.intake.json.ComplaintForms;
import cn.luoyang.pollution.complaint.intake.json.RawJson;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRejected;
import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.kit.events.DeadLetters;
import cn.luoyang.pollution.kit.events.EventBatch;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Reads the hotline's {@code complaints.submitted}, a poll at a time (batch mode). Each record is read and
 * checked alone; the good ones are registered together ({@link IntakeService#registerAll}: one insert, their
 * events published together). A record that cannot be accepted goes alone to {@code complaints.submitted.dlt}
 * with the reason in headers (and the dead-letter counter), and the source system is told why by a
 * {@link ComplaintRejected}; the others are registered all the same. Anything else (Mongo or broker down) is
 * retried for the whole batch ({@link EventConsumers.Retries}, as a record binding is), which doubles no complaint:
 * registration is idempotent by ticket. Still failing, it propagates and the binder parks the batch.
 */
public class SubmittedIntake implements Consumer<Message<List<byte[]>>> {

    private static final String TYPE = EventTypes.nameOf(ComplaintSubmitted.class);

    private final IntakeService intake;
    private final ComplaintForms forms;
    private final DeadLetters deadLetters;
    private final EventPublisher publisher;
    private final Clock clock;
    private final int maxBytes;
    private final EventConsumers.Retries retries;

    public SubmittedIntake(IntakeService intake, ComplaintForms forms, DeadLetters deadLetters, EventPublisher publisher,
                           Clock clock, int maxBytes, EventConsumers.Retries retries) {
        this.intake = intake;
        this.forms = forms;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.retries = retries;
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<Message<byte[]>> records = EventBatch.records(batch);
        retries.run(() -> handle(records));
    }

    /** Reads every record, registers the readable ones together, then turns the others away in poll order. */
    private void handle(List<Message<byte[]>> records) {
        ComplaintForms.Read[] reads = new ComplaintForms.Read[records.size()];
        InvalidComplaintException[] unreadable = new InvalidComplaintException[records.size()];
        List<IntakeService.Submission> submissions = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                reads[i] = read(records.get(i));
                submissions.add(new IntakeService.Submission(reads[i].draft(), reads[i].errors()));
            } catch (InvalidComplaintException e) {
                unreadable[i] = e;
            }
        }
        Iterator<IntakeService.Outcome> outcomes = intake.registerAll(submissions).iterator();
        for (int i = 0; i < records.size(); i++) {
            RuntimeException refusal = unreadable[i] != null ? unreadable[i] : outcomes.next().refusal();
            if (refusal instanceof InvalidComplaintException e) {
                reject(records.get(i), reads[i], e.reason(), e.errors());
            } else if (refusal instanceof TicketConflictException) {
                reject(records.get(i), reads[i], "ticket-conflict",
                        List.of(new FieldError("externalTicketId", "was already used by this source for a different report")));
            }
        }
    }

    private ComplaintForms.Read read(Message<byte[]> message) {
        String type = EventConsumers.header(message, CloudEventHeaders.TYPE);
        if (type != null && !type.equals(TYPE)) {
            throw new InvalidComplaintException("unknown-type", List.of(new FieldError("ce_type", "must be " + TYPE)));
        }
        JsonNode root = RawJson.parse(message.getPayload(), maxBytes);
        return forms.readSubmitted(root);
    }

    private void reject(Message<byte[]> message, ComplaintForms.Read read, String reason, List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        deadLetters.send(Topics.COMPLAINTS_SUBMITTED, redacted(message), reason, detail);
        String[] key = ticketOf(message, read);
        publisher.publish(Topics.COMPLAINTS_REJECTED, new ComplaintRejected(rejectionId(message), key[0], key[1], reason,
                errors, clock.instant(), ComplaintRejected.VERSION));
    }

    /** Source and ticket from the record if it could be read, else from the record key ({@code source:ticket}). */
    private static String[] ticketOf(Message<byte[]> message, ComplaintForms.Read read) {
        if (read != null && read.draft().sourceSystem() != null && read.draft().externalTicketId() != null) {
            return new String[] {read.draft().sourceSystem(), read.draft().externalTicketId()};
        }
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        String text = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key == null ? null : key.toString();
        if (text != null && text.contains(":")) {
            int colon = text.indexOf(':');
            return new String[] {text.substring(0, colon), text.substring(colon + 1)};
        }
        return new String[] {"unknown", text == null ? "unknown" : text};
    }

    /** The same record rejected twice (redelivery) yields the same event id, so the source sees one rejection. */
    private static String rejectionId(Message<byte[]> message) {
        Object partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = message.getHeaders().get(KafkaHeaders.OFFSET);
        if (partition == null || offset == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes(("rejected:" + Topics.COMPLAINTS_SUBMITTED + ":" + partition + ":" + offset)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * A hotline that wrongly put a plain number in the record has already leaked it once; the
     * dead-letter copy must not leak it again, so any mainland mobile number in it is masked.
     */
    private static Message<byte[]> redacted(Message<byte[]> message) {
        String text = new String(message.getPayload(), StandardCharsets.UTF_8);
        String masked = PhoneRedaction.mask(text);
        if (masked.equals(text)) {
            return message;
        }
        return MessageBuilder.withPayload(masked.getBytes(StandardCharsets.UTF_8)).copyHeaders(message.getHeaders()).build();
    }
}
