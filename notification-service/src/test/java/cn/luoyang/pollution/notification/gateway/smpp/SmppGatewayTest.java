package cn.luoyang.pollution.notification.gateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.gateway.GatewayException;
import cn.luoyang.pollution.notification.gateway.GatewayInbox;
import cn.luoyang.pollution.notification.gateway.IncomingReply;
import cn.luoyang.pollution.notification.gateway.OutgoingSms;
import cn.luoyang.pollution.notification.gateway.Submission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMPP gateway against a real SMSC simulator on loopback. */
class SmppGatewayTest {

    private final List<DeliveryReport> receipts = new CopyOnWriteArrayList<>();
    private final List<IncomingReply> replies = new CopyOnWriteArrayList<>();
    private SmscSimulator smsc;
    private SmppGateway gateway;

    @BeforeEach
    void bind() throws Exception {
        smsc = SmscSimulator.start();
        gateway = new SmppGateway(new SmppSettings("127.0.0.1", smsc.port(), "luoyang", "secret", "", "10690000012369",
                Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(200)), new GatewayInbox() {
                    @Override
                    public void deliveryReport(DeliveryReport report) {
                        receipts.add(report);
                    }

                    @Override
                    public void reply(IncomingReply reply) {
                        replies.add(reply);
                    }
                }, Clock.systemUTC()).start();
        await(gateway::isBound);
    }

    @AfterEach
    void close() throws Exception {
        gateway.close();
        smsc.close();
    }

    @Test
    void submitsOneUcs2MessageAndGetsItsDeliveryReceipt() {
        Submission submission = gateway.submit(sms("m-1", "【洛阳生态环境】您反映的问题已受理。"));

        assertThat(smsc.submittedTo("13812345678")).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("【洛阳生态环境】您反映的问题已受理。");
            assertThat(s.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(s.concatenated()).isFalse();
            assertThat(s.messageId()).isEqualTo(submission.gatewayMessageId());
        });
        await(() -> !receipts.isEmpty());
        assertThat(receipts).containsExactly(new DeliveryReport(submission.gatewayMessageId(), true, "DELIVRD"));
    }

    @Test
    void longMessageGoesAsConcatenatedSegmentsOf67CharactersWithTheReceiptOnTheLast() {
        String text = "答".repeat(150);
        Submission submission = gateway.submit(sms("m-2", text));

        List<SmscSimulator.Submitted> parts = smsc.submittedTo("13812345678");
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.concatenated()).isTrue());
        assertThat(parts).extracting(p -> p.text().length()).containsExactly(67, 67, 16);
        assertThat(parts).extracting(p -> p.shortMessage()[5]).containsExactly((byte) 1, (byte) 2, (byte) 3);
        assertThat(parts).extracting(p -> p.shortMessage()[3]).containsOnly(parts.get(0).shortMessage()[3]);
        assertThat(String.join("", parts.stream().map(SmscSimulator.Submitted::text).toList())).isEqualTo(text);
        assertThat(parts.get(2).messageId()).isEqualTo(submission.gatewayMessageId());
        assertThat(parts).extracting(p -> p.registeredDelivery() & 0x03).containsExactly(0, 0, 1);
    }

    @Test
    void reporterReplyArrivesAsMoWithTheSendersNumber() throws Exception {
        smsc.reply("8613812345678", "１");

        await(() -> !replies.isEmpty());
        assertThat(replies.get(0).fromNumber()).isEqualTo("8613812345678");
        assertThat(replies.get(0).text()).isEqualTo("１");
    }

    @Test
    void keepsTheLinkAliveWithEnquireLink() {
        await(() -> smsc.enquireLinks() >= 2);
        assertThat(gateway.isBound()).isTrue();
    }

    @Test
    void whileTheSmscIsDownSubmitsFailAsNotSentAndAfterItReturnsTheGatewayBindsAgain() throws Exception {
        smsc.down();
        await(() -> !gateway.isBound());
        assertThatThrownBy(() -> gateway.submit(sms("m-3", "hello")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.safeToRetry()).isTrue());

        smsc.up();
        await(gateway::isBound);
        gateway.submit(sms("m-4", "again"));
        assertThat(smsc.submittedTo("13812345678")).extracting(SmscSimulator.Submitted::text).containsExactly("again");
        assertThat(smsc.binds()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void throttlingIsSafeToRetryAndARefusedNumberIsNot() {
        smsc.throttleNext(1);
        assertThatThrownBy(() -> gateway.submit(sms("m-5", "x")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.outcome()).isEqualTo(GatewayException.Outcome.NOT_SENT));
        assertThat(smsc.submitted()).isEmpty();
    }

    private static OutgoingSms sms(String id, String text) {
        return new OutgoingSms(id, "c-1", "CASE-1", "REGISTERED", "13812345678", "138****5678", text);
    }

    static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 15 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
