package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
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
    private final Clock clock;

    public DeliveryReports(Messages messages, Receipts receipts, Consumer<String> publishSoon, Clock clock) {
        this.messages = messages;
        this.receipts = receipts;
        this.publishSoon = publishSoon;
        this.clock = clock;
    }

    public void received(DeliveryReport report) {
        receipts.park(report);
        apply(report.gatewayMessageId());
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
