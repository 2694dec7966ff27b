package cn.luoyang.pollution.systemtests.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.EnquireLink;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
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
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port for the SMSC simulator", e);
        }
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
                DeliveryReceipt receipt = new DeliveryReceipt(id, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD, "000", "");
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        submit.getDestAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.getSourceAddr(),
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 0, new RegisteredDelivery(), GeneralDataCoding.DEFAULT,
                        receipt.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                // the client went away (an outage, a restart): a receipt is not an SMS; the count does not depend on it
            }
        });
    }

    private final class Handler implements ServerMessageReceiverListener {

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

        @Override
        public void onAcceptEnquireLink(EnquireLink enquireLink, Session source) {
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }

    /** Server sockets on the loopback interface only (jSMPP's default binds every interface), reusable after an outage. */
    private static final class LoopbackServerSockets implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }
}
