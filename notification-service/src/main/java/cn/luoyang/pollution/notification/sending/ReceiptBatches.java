package cn.luoyang.pollution.notification.sending;

import cn.luoyang.pollution.notification.gateway.DeliveryReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records carriers' receipts (回执) in batches by group commit, without a timer: each caller (an SMPP listener
 * thread holding one {@code deliver_sm}) queues its receipt and waits; whichever caller finds no write running takes
 * everything queued (up to {@code max}) and records it with {@link DeliveryReports#receivedAll}, then releases those
 * callers. A batch is thus whatever arrived while the previous one was being written. {@link #record} returns only
 * once its receipt is in MongoDB and throws when the batch's write failed, so the gateway answers the carrier after
 * the write: a receipt the carrier was told was accepted is never lost, and one it was refused it sends again.
 */
public final class ReceiptBatches {

    private final DeliveryReports reports;
    private final int max;
    private final Queue<Waiting> queued = new ConcurrentLinkedQueue<>();
    private final Object writing = new Object();

    public ReceiptBatches(DeliveryReports reports, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a batch holds at least one receipt: " + max);
        }
        this.reports = reports;
        this.max = max;
    }

    /** Records {@code report} (in a batch with those that arrive meanwhile); returns once it is stored. */
    public void record(DeliveryReport report) {
        Waiting mine = new Waiting(report);
        queued.add(mine);
        while (!mine.done) {
            synchronized (writing) {
                if (!mine.done) {
                    writeQueued();
                }
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Under {@code writing}: one batch of what is queued, each waiter told how it went. */
    private void writeQueued() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next = queued.poll(); next != null; next = batch.size() < max ? queued.poll() : null) {
            batch.add(next);
        }
        RuntimeException failure = null;
        try {
            reports.receivedAll(batch.stream().map(w -> w.report).toList());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Waiting w : batch) {
            w.failure = failure;
            w.done = true;
        }
    }

    private static final class Waiting {
        final DeliveryReport report;
        volatile RuntimeException failure;
        volatile boolean done;

        Waiting(DeliveryReport report) {
            this.report = report;
        }
    }
}
