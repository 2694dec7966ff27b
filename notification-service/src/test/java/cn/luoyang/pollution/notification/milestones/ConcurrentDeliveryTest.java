package cn.luoyang.pollution.notification.milestones;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With four consumer threads per binding and several senders, the same record can be handled
 * twice at the same moment (a redelivery racing the original after a rebalance). Against the
 * embedded MongoDB, whatever the interleaving: each milestone queued once per reporter, each
 * co-reporter listed once on the case, each due message claimed by exactly one sender.
 */
class ConcurrentDeliveryTest {

    private static final ContactSealer SEALER = ContactSealer.withPublicKeyset(ContactKeys.generate().publicKeyset());
    private static final int THREADS = 8;
    private final MongoFixture mongo = new MongoFixture();
    private final Messages messages = new MongoMessages(mongo.template());
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() {
        pool.shutdownNow();
        mongo.close();
    }

    private MilestoneMessages milestones() {
        return new MilestoneMessages(messages, new MongoReporterContacts(mongo.template()),
                new MongoCaseFiles(mongo.template()), MessageTemplates.chinese(), Catalogue.defaults(),
                new MilestoneSettings(MilestoneSettings.ALWAYS, Set.of(), 60, ZoneId.of("Asia/Shanghai")),
                Clock.fixed(Events.T0, ZoneOffset.UTC), () -> { });
    }

    private <T> List<T> allAtOnce(int tasks, java.util.function.IntFunction<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return task.apply(n);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    @Test
    void eightThreadsDeliveringTheSameRecordsAtOnceQueueEachMilestoneOncePerReporter() throws Exception {
        MilestoneMessages m = milestones();
        // one closure per case, delivered by every thread (a redelivery carries the same event id; a new id is a new closure)
        List<CaseClosed> closures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            closures.add(Events.closed("CASE-" + i, "已清理。", List.of("c-" + i, "co-" + i)));
        }
        allAtOnce(THREADS, thread -> {
            for (int i = 0; i < 5; i++) { // each thread delivers every case's records in their partition order
                m.registered(Events.registered("c-" + i, "LY-" + i, "1380000000" + i, SEALER));
                m.registered(Events.registered("co-" + i, "LY-co-" + i, "1390000000" + i, SEALER));
                m.dispatched(Events.dispatched("CASE-" + i, "c-" + i, "LY-" + i, "URBAN_MANAGEMENT"));
                m.merged(Events.merged("CASE-" + i, "co-" + i, "LY-co-" + i));
                m.closed(closures.get(i));
            }
            return null;
        });

        for (int i = 0; i < 5; i++) {
            for (String reporter : List.of("c-" + i, "co-" + i)) {
                assertThat(messages.forComplaint(reporter)).extracting(SmsMessage::milestone)
                        .containsExactlyInAnyOrder(Milestone.REGISTERED, Milestone.DISPATCHED, Milestone.CLOSED);
            }
            CaseFile file = new MongoCaseFiles(mongo.template()).of("CASE-" + i).orElseThrow();
            assertThat(file.members()).extracting(CaseFile.Member::complaintId).containsExactlyInAnyOrder("c-" + i, "co-" + i);
            assertThat(file.leadDepartment()).isEqualTo("URBAN_MANAGEMENT");
        }
    }

    @Test
    void sendersClaimingAtOnceTakeEachDueMessageExactlyOnce() throws Exception {
        for (int i = 0; i < 200; i++) {
            messages.add(SmsMessage.queue(MessageKey.of("c-" + i, Milestone.REGISTERED, "c-" + i), null, "hi", false, Events.T0));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());

        allAtOnce(4, sender -> {
            Messages own = new MongoMessages(mongo.template());
            List<SmsMessage> batch;
            while (!(batch = own.claimDue(Events.T0, Events.T0.plusSeconds(120), 20)).isEmpty()) {
                batch.forEach(message -> claimed.add(message.id()));
            }
            return null;
        });

        assertThat(claimed).doesNotHaveDuplicates().hasSize(200);
        assertThat(messages.claimDue(Events.T0.plusSeconds(60), Events.T0.plusSeconds(180), 500))
                .as("nothing is due again while the leases hold").isEmpty();
    }
}
