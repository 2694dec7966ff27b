package cn.luoyang.pollution.systemtests.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The harness's SMSC over a real SMPP client bind on loopback. */
class SmscTest {

    private final Smsc smsc = Smsc.start();

    @AfterEach
    void stop() {
        smsc.close();
    }

    private SMPPSession bind() throws IOException {
        SMPPSession session = new SMPPSession();
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, "test", "pw", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        return session;
    }

    private static String submit(SMPPSession session, String to, int esmClass, byte[] payload) throws Exception {
        return session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "10690000012369",
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(esmClass), (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(), (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0,
                payload).getMessageId();
    }

    private static byte[] segment(int ref, int total, int seq, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        return ByteBuffer.allocate(6 + body.length).put(new byte[] {5, 0, 3, (byte) ref, (byte) total, (byte) seq}).put(body).array();
    }

    @Test
    void recordsEachShortMessageOnceAndJoinsALongOnesSegmentsUnderTheLastSegmentsId() throws Exception {
        SMPPSession session = bind();
        try {
            String shortId = submit(session, "8613912345678", 0, "受理编号LY1".getBytes(StandardCharsets.UTF_16BE));
            submit(session, "8613912345678", 0x40, segment(7, 2, 1, "前半，"));
            String lastId = submit(session, "8613912345678", 0x40, segment(7, 2, 2, "后半。"));
            submit(session, "8613912345678", 0, "受理编号LY1".getBytes(StandardCharsets.UTF_16BE));

            assertThat(smsc.received()).extracting(Smsc.Received::messageId, Smsc.Received::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(shortId, "受理编号LY1"),
                    org.assertj.core.groups.Tuple.tuple(lastId, "前半，后半。"),
                    org.assertj.core.groups.Tuple.tuple(smsc.received().get(2).messageId(), "受理编号LY1"));
            assertThat(smsc.submits()).isEqualTo(4);
        } finally {
            session.unbindAndClose();
        }
    }

    @Test
    void anOutageDropsTheBoundSessionAndRefusesBindsUntilRestored() throws Exception {
        SMPPSession session = bind();
        // the SMSC's side of the session turns bound as it sends the bind_resp the client just read
        assertThat(Ledger.within(Duration.ofSeconds(5), smsc::hasBoundClient)).isTrue();

        smsc.outage();

        assertThat(smsc.hasBoundClient()).isFalse();
        int bindsBefore = smsc.binds();
        assertThatThrownBy(this::bind).as("a bind during the outage").isInstanceOf(IOException.class);
        assertThat(smsc.refusedBinds()).as("binds refused by the SMSC").isEqualTo(1);
        assertThat(smsc.binds()).as("no bind accepted during the outage").isEqualTo(bindsBefore);
        smsc.restore();
        SMPPSession again = bind();
        assertThat(again.getSessionState().isBound()).isTrue();
        again.unbindAndClose();
        session.close();
    }
}
