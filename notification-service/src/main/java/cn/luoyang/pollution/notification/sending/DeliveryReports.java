package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies carriers' receipts: SENT → DELIVERED or FAILED, once, whatever order things arrive in. The
 * change's event is written with it; {@code publishSoon} (the outbox relay of {@code sms_messages})
 * sends it at once.
 */
public final class DeliveryReports {

    private final Messages messages;
    private final Receipts receipts;
    private final Consumer<String> publishSoon;
    private final Consumer<Collection<String>> publishAllSoon;
    private final Clock clock;

    public DeliveryReports(Messages messages, Receipts receipts, Consumer<String> publishSoon, Clock clock) {
        this(messages, receipts, publishSoon, ids -> ids.forEach(publishSoon), clock);
    }

    /** @param publishAllSoon the relay's {@code publishSoon(ids)}: one claim for a batch's events */
    public DeliveryReports(Messages messages, Receipts receipts, Consumer<String> publishSoon,
            Consumer<Collection<String>> publishAllSoon, Clock clock) {
        this.messages = messages;
        this.receipts = receipts;
        this.publishSoon = publishSoon;
        this.publishAllSoon = publishAllSoon;
        this.clock = clock;
    }

    public void received(DeliveryReport report) {
        receipts.park(report);
        apply(report.gatewayMessageId());
    }

    /**
     * {@link #received} for a batch, one round trip per step: the receipts parked (one bulk upsert: from here on
     * none is lost, whatever fails next), their messages read (one {@code $in}), the DELIVERED / FAILED changes
     * written with their outbox entries (one conditional bulk write), the applied parkings discarded (one delete)
     * and the events published with one relay claim. A receipt whose message is not SENT yet stays parked for the
     * SENT write to apply; one whose message changed meanwhile is applied alone, as {@link #apply} does.
     */
    public void receivedAll(List<DeliveryReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        receipts.parkAll(reports);
        Map<String, DeliveryReport> latest = new LinkedHashMap<>();
        reports.forEach(report -> latest.put(report.gatewayMessageId(), report));
        List<SmsMessage> changed = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        for (SmsMessage message : messages.byGatewayMessageIds(latest.keySet())) {
            DeliveryReport report = latest.get(message.gatewayMessageId());
            if (message.state() != MessageState.SENT) {
                discarded.add(report.gatewayMessageId());
            } else {
                if (report.delivered()) {
                    message.delivered(clock.instant());
                } else {
                    message.failed("receipt: " + report.status(), clock.instant());
                }
                changed.add(message);
            }
        }
        Set<String> written = messages.saveAll(changed);
        changed.stream().filter(m -> written.contains(m.id())).forEach(m -> discarded.add(m.gatewayMessageId()));
        receipts.discardAll(discarded);
        publishAllSoon.accept(written);
        changed.stream().filter(m -> !written.contains(m.id())).forEach(m -> apply(m.gatewayMessageId()));
    }

    /**
     * {@link #apply} for the messages a batch just recorded as SENT: one read finds which have a
     * receipt parked already (a carrier faster than the SENT write), and only those are applied.
     */
    public void applyAll(Collection<String> gatewayMessageIds) {
        if (!gatewayMessageIds.isEmpty()) {
            receipts.parkedAmong(gatewayMessageIds).forEach(this::apply);
        }
    }

    /** Applies a parked receipt if its message is known as SENT by now; harmless to call twice. */
    public void apply(String gatewayMessageId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<DeliveryReport> parked = receipts.parked(gatewayMessageId);
            Optional<SmsMessage> found = messages.byGatewayMessageId(gatewayMessageId);
            if (parked.isEmpty() || found.isEmpty()) {
                return;
            }
            SmsMessage message = found.get();
            if (message.state() != MessageState.SENT) {
                receipts.discard(gatewayMessageId);
                return;
            }
            if (parked.get().delivered()) {
                message.delivered(clock.instant());
            } else {
                message.failed("receipt: " + parked.get().status(), clock.instant());
            }
            if (messages.save(message)) {
                receipts.discard(gatewayMessageId);
                publishSoon.accept(message.id());
                return;
            }
        }
    }
}
