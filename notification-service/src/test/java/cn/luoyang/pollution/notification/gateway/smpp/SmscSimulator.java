package cn.luoyang.pollution.notification.gateway.smpp;

import cn.luoyang.pollution.testing.smpp.DeliveryReceipts;
import cn.luoyang.pollution.testing.smpp.LoopbackServerSockets;
import cn.luoyang.pollution.testing.smpp.SubmitOnlyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.EnquireLink;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A real SMSC on loopback, built on jSMPP's server side: accepts binds, answers submit_sm with an
 * id, sends a delivery receipt by deliver_sm when one is asked for, sends reporters' replies (MO),
 * answers enquire_link, and can be taken down and brought back on the same port. It listens on
 * 127.0.0.1 only, on a port picked free beforehand (jSMPP's own listener would bind every interface).
 */
public final class SmscSimulator implements AutoCloseable {

    /** What the SMSC received in one submit_sm. */
    public record Submitted(String messageId, String destination, byte esmClass, byte dataCoding,
            byte registeredDelivery, byte[] shortMessage) {

        public boolean concatenated() {
            return (esmClass & 0x40) != 0;
        }

        /** The text without a concatenation header, decoded from UCS-2. */
        public String text() {
            byte[] body = concatenated() ? Arrays.copyOfRange(shortMessage, 6, shortMessage.length) : shortMessage;
            return new String(body, StandardCharsets.UTF_16BE);
        }
    }

    private final int port;
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicInteger enquireLinks = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicBoolean receiptsDelivered = new AtomicBoolean(true);
    private final ExecutorService receipts = Executors.newFixedThreadPool(2);
    private volatile SMPPServerSessionListener listener;
    private volatile Thread acceptor;

    private SmscSimulator(int port) {
        this.port = port;
    }

    public static SmscSimulator start() throws IOException {
        SmscSimulator smsc = new SmscSimulator(LoopbackServerSockets.freePort());
        smsc.up();
        return smsc;
    }

    public int port() {
        return port;
    }

    /** Listens (again) on the same port. */
    public synchronized void up() throws IOException {
        if (listener != null) {
            return;
        }
        SMPPServerSessionListener fresh = new SMPPServerSessionListener(port, new LoopbackServerSockets());
        fresh.setMessageReceiverListener(new Handler());
        listener = fresh;
        acceptor = new Thread(() -> acceptLoop(fresh), "smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The SMSC goes away: the listener closes and every bound session is dropped. */
    public synchronized void down() throws IOException {
        SMPPServerSessionListener current = listener;
        listener = null;
        if (current != null) {
            current.close();
        }
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    private void acceptLoop(SMPPServerSessionListener server) {
        while (listener == server) {
            try {
                SMPPServerSession session = server.accept();
                session.setEnquireLinkTimer(60_000);
                BindRequest bind = session.waitForBind(5_000);
                // under down()'s lock: a bind that arrives while the SMSC goes away is refused, never left bound
                synchronized (this) {
                    if (listener != server) {
                        session.close();
                        return;
                    }
                    bind.accept("city-smsc");
                    binds.incrementAndGet();
                    sessions.add(session);
                }
            } catch (Exception e) {
                if (listener != server) {
                    return;
                }
            }
        }
    }

    /** Sends a reporter's reply (MO) from {@code from} (e.g. 8613812345678) to every bound client. */
    public void reply(String from, String text) throws Exception {
        for (SMPPServerSession session : sessions) {
            if (session.getSessionState().isBound()) {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690000012369", new ESMClass(),
                        (byte) 0, (byte) 0, new RegisteredDelivery(), new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                        text.getBytes(StandardCharsets.UTF_16BE));
                return;
            }
        }
        throw new IllegalStateException("no bound client");
    }

    /** The next {@code n} submit_sm are refused with ESME_RTHROTTLED. */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    /** Receipts say UNDELIV instead of DELIVRD. */
    public void failDeliveries(boolean fail) {
        receiptsDelivered.set(!fail);
    }

    public List<Submitted> submitted() {
        return List.copyOf(submitted);
    }

    public List<Submitted> submittedTo(String bareNumber) {
        return submitted.stream().filter(s -> s.destination().equals("86" + bareNumber)).toList();
    }

    public int enquireLinks() {
        return enquireLinks.get();
    }

    public int binds() {
        return binds.get();
    }

    public boolean hasBoundClient() {
        return sessions.stream().anyMatch(s -> s.getSessionState().isBound());
    }

    @Override
    public void close() throws IOException {
        down();
        receipts.shutdownNow();
    }

    private void sendReceipt(SMPPServerSession session, SubmitSm submit, String id) {
        receipts.execute(() -> {
            try {
                DeliveryReceipts.send(session, submit, id,
                        receiptsDelivered.get() ? DeliveryReceiptState.DELIVRD : DeliveryReceiptState.UNDELIV);
            } catch (Exception e) {
                // the client went away: a real SMSC would retry later; the test will notice the missing receipt
            }
        });
    }

    private final class Handler extends SubmitOnlyHandler {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", 0x58);
            }
            String id = Long.toString(ids.incrementAndGet());
            submitted.add(new Submitted(id, submit.getDestAddress(), submit.getEsmClass(), submit.getDataCoding(),
                    submit.getRegisteredDelivery(), submit.getShortMessage()));
            if (SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(submit.getRegisteredDelivery())) {
                sendReceipt(session, submit, id);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("bad id", 0x08);
            }
        }

        @Override
        public void onAcceptEnquireLink(EnquireLink enquireLink, Session source) {
            enquireLinks.incrementAndGet();
        }
    }
}
