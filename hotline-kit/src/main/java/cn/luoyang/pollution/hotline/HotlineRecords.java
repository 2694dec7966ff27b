package cn.luoyang.pollution.hotline;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a {@link HotlineReport} into the record complaint-service reads on {@code complaints.submitted}:
 * the caller's number read (libphonenumber), sealed in its normal form with the platform's public key
 * and masked; the value the contract's JSON (schemas/complaint-submitted.v1.schema.json); the key
 * {@code sourceSystem:ticketId}; CloudEvents headers in binary mode. No I/O.
 */
public final class HotlineRecords {

    private final String sourceSystem;
    private final ContactSealer sealer;
    private final EventCodec codec = new EventCodec();

    /** @param publicKeyset the Tink JSON public keyset of {@code GET /api/reporter-contact-key} ("keyset") */
    public HotlineRecords(String sourceSystem, String publicKeyset) {
        this.sourceSystem = sourceSystem;
        this.sealer = ContactSealer.withPublicKeyset(publicKeyset);
    }

    /** The event of one report, its phone sealed; a new event id each time, the same ticket key. */
    public ComplaintSubmitted event(HotlineReport r, Instant now) {
        return new ComplaintSubmitted(UUID.randomUUID().toString(), sourceSystem, r.ticketId(), r.channel(), r.category(),
                r.subType(), r.description(), r.location(), r.addressText(), r.observedAt(), r.happeningNow(), List.of(),
                contact(r.phone()), r.rewardRequested(), now, ComplaintSubmitted.VERSION);
    }

    /** The Kafka record of an event (any well-formed {@link ComplaintSubmitted}, also one made elsewhere). */
    public ProducerRecord<String, byte[]> record(ComplaintSubmitted event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.COMPLAINTS_SUBMITTED, event.aggregateId(),
                codec.encode(event));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, event.eventId());
        header(record, CloudEventHeaders.TYPE, EventTypes.nameOf(ComplaintSubmitted.class));
        header(record, CloudEventHeaders.SOURCE, event.sourceSystem());
        header(record, CloudEventHeaders.SUBJECT, event.aggregateId());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(record, CloudEventHeaders.TIME, event.occurredAt().toString());
        return record;
    }

    private SealedContact contact(String phone) {
        if (phone == null || phone.isBlank()) {
            return SealedContact.anonymousReporter();
        }
        ContactNumber number = PhoneNumbers.read(phone);
        return new SealedContact(false, sealer.seal(number.normalForm()), number.masked(), number.kind().name());
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
