package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.IncomingReply;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every gateway hands back goes here: receipts to their messages (one by one as an SMPP session delivers them,
 * recorded in batches by {@link ReceiptBatches}; a list, as an HTTP callback carries them, as one batch), replies
 * to the survey.
 */
public final class Inbox implements GatewayInbox {

    private final DeliveryReports reports;
    private final ReceiptBatches batches;
    private final Consumer<IncomingReply> replies;

    public Inbox(DeliveryReports reports, ReceiptBatches batches, Consumer<IncomingReply> replies) {
        this.reports = reports;
        this.batches = batches;
        this.replies = replies;
    }

    @Override
    public void deliveryReport(DeliveryReport report) {
        batches.record(report);
    }

    @Override
    public void deliveryReports(List<DeliveryReport> batch) {
        reports.receivedAll(batch);
    }

    @Override
    public void reply(IncomingReply reply) {
        replies.accept(reply);
    }
}
