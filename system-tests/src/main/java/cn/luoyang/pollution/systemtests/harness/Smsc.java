package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.testing.smpp.DeliveryReceipts;
import cn.luoyang.pollution.testing.smpp.LoopbackServerSockets;
import cn.luoyang.pollution.testing.smpp.SubmitOnlyHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * The carrier's SMS centre (短信中心, SMSC) as the system tests run it: a real SMPP 3.4 server
 * (jSMPP's server side) on loopback that notification-service binds to with its SMPP gateway. It
 * answers submit_sm with a message id, sends the delivery receipt asked for, answers enquire_link,
 * and records what it received: so an SMS handed over twice is counted where it would reach the
 * phone twice, not in the sender's own bookkeeping.
 *
 * <p>{@link #outage()} is a carrier outage as SMPP clients meet it: every bound session is dropped
 * and every bind is refused (a negative bind_resp, ESME_RBINDFAIL) until {@link #restore()}. The
 * port stays the simulator's for its whole life: were it freed during an outage, another process on
 * a busy machine could take it and the carrier could not come back.
 */
public final class Smsc implements AutoCloseable {

    /**
     * One short message as the phone would show it (a long message's segments joined), with the id of
     * its last segment and the SMPP session (bind) it came on.
     */
    public record Received(String messageId, String destination, String text, long receivedAtMillis, String session) {
    }

    /** The city's service number (notification-service's default SMPP source address), where reporters' replies go. */
    private static final String SERVICE_NUMBER = "10690000012369";

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    /** Segments of long messages still incomplete, by destination + concatenation reference. */
    private final Map<String, String[]> partial = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(100_000);
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger refusedBinds = new AtomicInteger();
    private final AtomicInteger submits = new AtomicInteger();
    private final ExecutorService receipts = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "smsc-receipts");
        t.setDaemon(true);
        return t;
    });
    private final SMPPServerSessionListener listener;
    /** Guarded by {@code this}: a bind is accepted or refused under the same lock an outage takes. */
    private boolean down;
    private volatile boolean closed;

    private Smsc(int port) throws IOException {
        this.port = port;
        this.listener = new SMPPServerSessionListener(port, new LoopbackServerSockets());
        listener.setMessageReceiverListener(new Handler());
    }

    /** Listens on a free loopback port. */
    public static Smsc start() {
        int port = LoopbackServerSockets.freePort();
        try {
            Smsc smsc = new Smsc(port);
            Thread acceptor = new Thread(smsc::acceptLoop, "smsc-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return smsc;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SMSC simulator on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    /** The service environment that points notification-service's SMPP gateway here. */
    public Map<String, String> serviceEnv() {
        return Map.of("NOTIFICATION_GATEWAY", "smpp",
                "NOTIFICATION_SMPP_HOST", "127.0.0.1",
                "NOTIFICATION_SMPP_PORT", Integer.toString(port),
                "NOTIFICATION_SMPP_SYSTEMID", "luoyang-eco",
                "NOTIFICATION_SMPP_PASSWORD", "sim");
    }

    /** The carrier is back: binds are accepted again. */
    public synchronized void restore() {
        down = false;
    }

    /** The carrier goes away: every bound session is dropped and binds are refused until {@link #restore()}. */
    public synchronized void outage() {
        down = true;
        dropSessions();
    }

    private void dropSessions() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                session.setEnquireLinkTimer(60_000);
                answer(session, session.waitForBind(5_000));
            } catch (Exception e) {
                // a client that connected and never bound, or the listener closed: the loop decides
            }
        }
    }

    private synchronized void answer(SMPPServerSession session, BindRequest bind) throws Exception {
        if (down) {
            refusedBinds.incrementAndGet();
            bind.reject(SMPPConstant.STAT_ESME_RBINDFAIL); // the client closes the connection on reading it
            return;
        }
        // known before the client hears the bind_resp, so an outage right after a bind drops it
        sessions.add(session);
        bind.accept("city-smsc");
        binds.incrementAndGet();
    }

    /**
     * A handset's SMS to the city's number (MO), e.g. a reporter answering the survey with "3": a
     * deliver_sm in UCS-2 from {@code from} (the number as the carrier writes it) on a bound session.
     *
     * @throws IllegalStateException when no client is bound (notification-service down or not bound yet)
     */
    public void reply(String from, String text) {
        for (SMPPServerSession session : sessions) {
            if (session.getSessionState().isBound()) {
                try {
                    session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, SERVICE_NUMBER, new ESMClass(),
                            (byte) 0, (byte) 0, new RegisteredDelivery(), new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                            text.getBytes(StandardCharsets.UTF_16BE));
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException("the bound client did not take the reply: " + e, e);
                }
            }
        }
        throw new IllegalStateException("no client bound to the SMSC");
    }

    public boolean hasBoundClient() {
        return sessions.stream().anyMatch(s -> s.getSessionState().isBound());
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** submit_sm PDUs answered with an id (segments counted one by one). */
    public int submits() {
        return submits.get();
    }

    /** Binds accepted. */
    public int binds() {
        return binds.get();
    }

    /** Binds refused because of an outage. */
    public int refusedBinds() {
        return refusedBinds.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
        down = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropSessions();
        receipts.shutdownNow();
    }

    private void record(String id, SubmitSm submit, String session) {
        byte[] body = submit.getShortMessage();
        String destination = submit.getDestAddress();
        long now = System.currentTimeMillis();
        if ((submit.getEsmClass() & 0x40) == 0) {
            received.add(new Received(id, destination, new String(body, StandardCharsets.UTF_16BE), now, session));
            return;
        }
        // 6-byte concatenation header: 05 00 03 ref total seq
        int ref = body[3] & 0xFF, total = body[4] & 0xFF, seq = body[5] & 0xFF;
        String text = new String(Arrays.copyOfRange(body, 6, body.length), StandardCharsets.UTF_16BE);
        String key = destination + "/" + ref + "/" + total;
        synchronized (partial) {
            String[] parts = partial.computeIfAbsent(key, k -> new String[total]);
            parts[seq - 1] = text;
            if (Arrays.stream(parts).allMatch(p -> p != null)) {
                partial.remove(key);
                received.add(new Received(id, destination, String.join("", parts), now, session));
            }
        }
    }

    private void sendReceipt(SMPPServerSession session, SubmitSm submit, String id) {
        receipts.execute(() -> {
            try {
                DeliveryReceipts.send(session, submit, id, DeliveryReceiptState.DELIVRD);
            } catch (Exception e) {
                // the client went away (an outage, a restart): a receipt is not an SMS; the count does not depend on it
            }
        });
    }

    private final class Handler extends SubmitOnlyHandler {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            String id = Long.toString(ids.incrementAndGet());
            submits.incrementAndGet();
            record(id, submit, session.getSessionId());
            if (SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(submit.getRegisteredDelivery())) {
                sendReceipt(session, submit, id);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("bad id", 0x08);
            }
        }
    }
}
