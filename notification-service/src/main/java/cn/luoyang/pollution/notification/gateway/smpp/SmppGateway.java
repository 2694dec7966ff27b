package cn.luoyang.pollution.notification.gateway.smpp;

import cn.luoyang.pollution.notification.gateway.GatewayException;
import cn.luoyang.pollution.notification.gateway.GatewayException.Outcome;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.OutgoingSms;
import cn.luoyang.pollution.notification.gateway.Segments;
import cn.luoyang.pollution.notification.gateway.SmsGateway;
import cn.luoyang.pollution.notification.gateway.Submission;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMPP 3.4 over one transceiver bind (bind_transceiver): submit_sm out with a delivery receipt
 * requested, deliver_sm in (receipts and reporters' replies, see {@link SmppInbound}), enquire_link
 * keeping the link alive, and a new bind after the link is lost (the SMSC restarted, the network
 * dropped). A long text goes as UCS-2 segments with a concatenation header; the receipt is asked
 * for on the last segment, whose id becomes the message's gateway id.
 */
public final class SmppGateway implements SmsGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);
    /** ESME_RTHROTTLED and ESME_RMSGQFUL: the SMSC did not take the message and asks us to slow down. */
    private static final int THROTTLED = 0x58;
    private static final int QUEUE_FULL = 0x14;

    private final SmppSettings settings;
    private final SmppInbound inbound;
    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "smpp-reconnect");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger reference = new AtomicInteger();
    private volatile SMPPSession session;
    private volatile boolean closed;

    public SmppGateway(SmppSettings settings, GatewayInbox inbox, Clock clock) {
        this.settings = settings;
        this.inbound = new SmppInbound(inbox, clock);
    }

    /** Binds in the background; the service starts even while the SMSC is away. */
    public SmppGateway start() {
        reconnector.execute(this::bindQuietly);
        return this;
    }

    @Override
    public String name() {
        return "smpp";
    }

    @Override
    public Submission submit(OutgoingSms sms) {
        SMPPSession bound = bound();
        List<String> parts = Segments.split(sms.text());
        int ref = reference.incrementAndGet() & 0xFF;
        String lastId = null;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            boolean multipart = parts.size() > 1;
            byte[] payload = multipart ? Segments.withUdh(ref, parts.size(), i + 1, parts.get(i)) : Segments.ucs2(parts.get(i));
            try {
                lastId = bound.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        settings.sourceAddress(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        "86" + sms.phoneNumber(), new ESMClass(multipart ? 0x40 : 0), (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(last ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                        (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, payload).getMessageId();
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                Outcome outcome = i > 0 ? Outcome.UNKNOWN
                        : (status == THROTTLED || status == QUEUE_FULL) ? Outcome.NOT_SENT : Outcome.REJECTED;
                throw new GatewayException(outcome, "submit_sm refused with status 0x" + Integer.toHexString(status), e);
            } catch (ResponseTimeoutException e) {
                throw new GatewayException(Outcome.UNKNOWN, "no submit_sm_resp in time", e);
            } catch (IOException e) {
                // jSMPP refuses to write on a session that is not bound: nothing left for the first segment
                throw new GatewayException(i == 0 ? Outcome.NOT_SENT : Outcome.UNKNOWN, "link: " + e.getMessage(), e);
            } catch (Exception e) {
                throw new GatewayException(i == 0 ? Outcome.NOT_SENT : Outcome.UNKNOWN, e.toString(), e);
            }
        }
        return new Submission(lastId);
    }

    private SMPPSession bound() {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        synchronized (this) {
            if (session == null || !session.getSessionState().isBound()) {
                try {
                    bind();
                } catch (IOException e) {
                    throw new GatewayException(Outcome.NOT_SENT, "SMSC unreachable: " + e.getMessage(), e);
                }
            }
            return session;
        }
    }

    private synchronized void bind() throws IOException {
        if (closed) {
            throw new IOException("gateway closed");
        }
        if (session != null && session.getSessionState().isBound()) {
            return;
        }
        SMPPSession fresh = new SMPPSession(new NoDelaySockets((int) settings.responseTimeout().toMillis()));
        fresh.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        fresh.setTransactionTimer(settings.responseTimeout().toMillis());
        fresh.setMessageReceiverListener(inbound);
        try {
            fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                    settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), settings.responseTimeout().toMillis());
        } catch (IOException e) {
            fresh.close();
            throw e;
        }
        fresh.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED && !closed) {
                log.warn("SMPP link to {}:{} lost; binding again", settings.host(), settings.port());
                scheduleReconnect();
            }
        });
        session = fresh;
        log.info("SMPP bound as transceiver to {}:{}", settings.host(), settings.port());
    }

    private void bindQuietly() {
        try {
            bind();
        } catch (IOException | RuntimeException e) {
            log.warn("SMPP bind to {}:{} failed ({}); retrying in {}", settings.host(), settings.port(), e.getMessage(),
                    settings.reconnectDelay());
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (!closed) {
            reconnector.schedule(this::bindQuietly, settings.reconnectDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    @Override
    public void close() {
        closed = true;
        reconnector.shutdownNow();
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }
}
