package cn.luoyang.pollution.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.sending.persistence.MongoReceipts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Receipts arriving one at a time are written together (group commit), and a caller returns only once its receipt
 * is stored: the carrier is answered after the write, never before it.
 */
class ReceiptBatchesTest {

    private final MongoFixture mongo = new MongoFixture();
    private final List<List<String>> parkedBatches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstWriteMayEnd = new CountDownLatch(1);
    private volatile boolean storeDown;

    /** The real store, watched: each parkAll is one batch; the first one waits until the test lets it end. */
    private final Receipts watched = new MongoReceipts(mongo.template()) {
        @Override
        public void parkAll(Collection<DeliveryReport> reports) {
            if (storeDown) {
                throw new IllegalStateException("MongoDB away");
            }
            parkedBatches.add(reports.stream().map(DeliveryReport::gatewayMessageId).toList());
            if (parkedBatches.size() == 1) {
                await(firstWriteMayEnd);
            }
            super.parkAll(reports);
        }
    };
    private final ReceiptBatches batches = new ReceiptBatches(new DeliveryReports(new MongoMessages(mongo.template()),
            watched, id -> { }, Clock.fixed(Events.T0, ZoneOffset.UTC)), 100);

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void receiptsThatArriveDuringAWriteAreWrittenTogetherAndEachCallerReturnsOnceItsReceiptIsStored() throws Exception {
        Thread first = new Thread(() -> batches.record(new DeliveryReport("gw-0", true, "DELIVRD")));
        first.start();
        while (parkedBatches.isEmpty()) {
            Thread.onSpinWait();
        }
        List<Thread> others = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            DeliveryReport report = new DeliveryReport("gw-" + i, true, "DELIVRD");
            Thread t = new Thread(() -> batches.record(report));
            others.add(t);
            t.start();
        }
        // a caller blocked on the write has queued its receipt already
        while (!others.stream().allMatch(t -> t.getState() == Thread.State.BLOCKED)) {
            Thread.onSpinWait();
        }
        assertThat(mongo.template().getCollection("parked_receipts").countDocuments()).as("nothing written yet").isZero();
        assertThat(first.isAlive()).as("the first caller waits for its write").isTrue();

        firstWriteMayEnd.countDown();
        first.join();
        for (Thread t : others) {
            t.join();
        }

        assertThat(parkedBatches).hasSize(2);
        assertThat(parkedBatches.get(0)).containsExactly("gw-0");
        assertThat(parkedBatches.get(1)).containsExactlyInAnyOrder("gw-1", "gw-2", "gw-3", "gw-4");
        assertThat(mongo.template().getCollection("parked_receipts").countDocuments())
                .as("no message is SENT under these ids, so every receipt stays parked for its SENT write").isEqualTo(5);
    }

    @Test
    void aReceiptWhoseBatchCouldNotBeWrittenIsRefusedSoTheCarrierSendsItAgain() {
        firstWriteMayEnd.countDown();
        storeDown = true;
        assertThatThrownBy(() -> batches.record(new DeliveryReport("gw-9", true, "DELIVRD")))
                .hasMessageContaining("MongoDB away");
        storeDown = false;
        batches.record(new DeliveryReport("gw-9", true, "DELIVRD"));
        assertThat(mongo.template().getCollection("parked_receipts").countDocuments()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
