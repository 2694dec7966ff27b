package cn.luoyang.pollution.notification.gateway.smpp;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.IncomingReply;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * deliver_sm from the SMSC: a delivery receipt (esm_class says so) or a reporter's reply (MO). A
 * failure to record either is answered with an error status, so the SMSC delivers it again.
 */
final class SmppInbound implements MessageReceiverListener {

    /** ESME_RX_T_APPN: temporary application error, the SMSC retries. */
    private static final int TRY_AGAIN = 0x64;

    private final GatewayInbox inbox;
    private final Clock clock;

    SmppInbound(GatewayInbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (deliverSm.isSmscDeliveryReceipt()) {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                DeliveryReceiptState state = receipt.getFinalStatus();
                inbox.deliveryReport(new DeliveryReport(receipt.getId(), state == DeliveryReceiptState.DELIVRD,
                        state == null ? "UNKNOWN" : state.name()));
            } else {
                inbox.reply(new IncomingReply(deliverSm.getSourceAddr(), text(deliverSm), clock.instant()));
            }
        } catch (InvalidDeliveryReceiptException e) {
            throw new ProcessRequestException("unreadable receipt", 0x08);
        } catch (RuntimeException e) {
            throw new ProcessRequestException("cannot record deliver_sm now: " + e.getMessage(), TRY_AGAIN);
        }
    }

    private static String text(DeliverSm deliverSm) {
        byte[] bytes = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
        boolean ucs2 = (deliverSm.getDataCoding() & 0x0F) == Alphabet.ALPHA_UCS2.value();
        return new String(bytes, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // not used: the city does not track handset availability
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", 0x03);
    }
}
