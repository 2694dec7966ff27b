package cn.luoyang.pollution.testing.smpp;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.util.DeliveryReceiptState;

/** The delivery receipt (回执) a carrier sends back by {@code deliver_sm} for a submitted message. */
public final class DeliveryReceipts {

    private DeliveryReceipts() {
    }

    /**
     * Sends the receipt for message {@code id}, submitted as {@code submit}, in the receipt text
     * format of SMPP 3.4 appendix B (jSMPP's {@link DeliveryReceipt}).
     *
     * @throws Exception when the client is gone (an outage, a restart): a caller that does not care
     *                   drops it, as a carrier would retry later
     */
    public static void send(SMPPServerSession session, SubmitSm submit, String id, DeliveryReceiptState state) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(),
                new Date(), state, "000", "");
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, submit.getDestAddress(),
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.getSourceAddr(),
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                (byte) 0, new RegisteredDelivery(), GeneralDataCoding.DEFAULT,
                receipt.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
