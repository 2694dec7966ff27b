package cn.luoyang.pollution.notification.messages;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Every SMS the service has queued or sent (短信记录). */
public interface Messages {

    /** Stores a new message; false when one with the same key exists already (a redelivered event). */
    boolean add(SmsMessage message);

    /**
     * {@link #add} for a batch, in one round trip where the store allows: answers the ids of the messages
     * stored; one whose key exists already (a redelivered batch) is left as it is.
     */
    default Set<String> addAll(List<SmsMessage> batch) {
        Set<String> added = new HashSet<>();
        batch.forEach(message -> {
            if (add(message)) {
                added.add(message.id());
            }
        });
        return added;
    }

    /**
     * Claims up to {@code max} messages that are due: QUEUED with {@code notBefore <= now}, or SENDING
     * whose lease ran out (a sender died). Each claim is atomic, so replicas never share one. A
     * claimed message keeps its hand-over mark ({@link SmsMessage#handOverBegun()}): the sender
     * ends such a message as outcome unknown instead of sending it again.
     */
    List<SmsMessage> claimDue(Instant now, Instant leaseUntil, int max);

    /**
     * Writes the message if nobody changed it since it was read, with the events of its
     * {@link SmsMessage#unannounced() changes} in the same write; false otherwise.
     */
    boolean save(SmsMessage message);

    /**
     * {@link #save} for a batch, each write conditional on its own message's version as there, in one
     * round trip where the store allows; answers the ids of those written.
     */
    default Set<String> saveAll(List<SmsMessage> batch) {
        Set<String> written = new HashSet<>();
        batch.forEach(message -> {
            if (save(message)) {
                written.add(message.id());
            }
        });
        return written;
    }

    Optional<SmsMessage> byId(String id);

    Optional<SmsMessage> byGatewayMessageId(String gatewayMessageId);

    /** The messages the gateway knows by those ids (absent: not recorded as SENT yet); one read where the store allows. */
    default List<SmsMessage> byGatewayMessageIds(Collection<String> gatewayMessageIds) {
        return gatewayMessageIds.stream().map(this::byGatewayMessageId).flatMap(Optional::stream).toList();
    }

    List<SmsMessage> forComplaint(String complaintId);

    /**
     * The latest messages that may or may not have reached the carrier (FAILED with an unknown
     * outcome: a gateway timeout, or a hand-over interrupted by a crash), newest first, for operators.
     */
    List<SmsMessage> withUnknownOutcome(int max);

    /** When messages were handed to a gateway for this number (by keyed hash) at or after {@code since}, oldest first. */
    List<Instant> sentToNumberSince(String phoneHash, Instant since);
}
