package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.IncomingReply;
import java.util.function.Consumer;

/** What every gateway hands back goes here: receipts to their messages, replies to the survey. */
public final class Inbox implements GatewayInbox {

    private final DeliveryReports reports;
    private final Consumer<IncomingReply> replies;

    public Inbox(DeliveryReports reports, Consumer<IncomingReply> replies) {
        this.reports = reports;
        this.replies = replies;
    }

    @Override
    public void deliveryReport(DeliveryReport report) {
        reports.received(report);
    }

    @Override
    public void reply(IncomingReply reply) {
        replies.accept(reply);
    }
}
