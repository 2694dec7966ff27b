package cn.luoyang.pollution.enforcement.accounts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.testing.CountedMongo;
import cn.luoyang.pollution.testing.IndexRule;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The accounts' store on the embedded MongoDB: first copy wins, oldest first, every query by {@code _id}; a batch is one
 * bulk write (round trips counted on the wire: a count, not a timing).
 */
class MongoReporterAccountsTest {

    final MongoFixture mongo = new MongoFixture();
    final IndexRule rule = new IndexRule();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void theFirstCopyWinsTheyComeOldestFirstAndEveryQueryIsById() {
        MongoTemplate template = rule.template(mongo.uri(), "enforcement");
        MongoReporterAccounts accounts = new MongoReporterAccounts(template);
        rule.clear();

        accounts.record(account("c-late", "后来", "2026-11-27T03:00:00Z"));
        accounts.record(account("c-early", "先到", "2026-11-27T01:00:00Z"));
        accounts.record(account("c-early", "副本", "2026-11-27T02:00:00Z"));
        List<ReporterAccount> read = accounts.of(List.of("c-late", "c-early", "c-missing"));

        assertThat(read).extracting(ReporterAccount::description).containsExactly("先到", "后来");
        assertThat(read.get(0).media()).containsExactly(new ReporterAccount.Media("gridfs:Hx3fQm9TzV1cK8aLpR2wYg", "image/jpeg"));
        assertThat(template.getCollection("reporter_accounts").countDocuments()).isEqualTo(2);
        assertThat(rule.scans(IndexRule.firstKeys(template, "reporter_accounts"))).isEmpty();
    }

    @Test
    void aNoteIsKeptOnceAndOneThatCameBeforeItsAccountWaitsForIt() {
        MongoTemplate template = rule.template(mongo.uri(), "enforcement");
        MongoReporterAccounts accounts = new MongoReporterAccounts(template);
        rule.clear();
        ReporterAccount.Note early = note("fixmystreet:u-1", "补充: 晚上十点后更严重", "2026-11-27T04:00:00Z");
        ReporterAccount.Note later = note("fixmystreet:u-2", "今天又开始了", "2026-11-28T04:00:00Z");

        accounts.addNote("c-1", later);
        accounts.addNote("c-1", early);
        accounts.addNote("c-1", early); // redelivered
        assertThat(accounts.of(List.of("c-1"))).as("not an account before its fields arrived").isEmpty();

        accounts.record(account("c-1", "工地扬尘", "2026-11-27T01:00:00Z"));
        accounts.record(account("c-1", "副本", "2026-11-27T02:00:00Z"));
        accounts.addNote("c-1", later); // redelivered after the account
        ReporterAccount read = accounts.of(List.of("c-1")).get(0);

        assertThat(read.description()).isEqualTo("工地扬尘");
        assertThat(read.notes()).containsExactly(early, later);
        assertThat(rule.scans(IndexRule.firstKeys(template, "reporter_accounts"))).isEmpty();
    }

    @Test
    void aBatchOfAccountsIsOneBulkWriteAndTheFirstCopyOfEachComplaintIsKept() {
        try (CountedMongo counted = new CountedMongo("enforcement")) {
            MongoReporterAccounts accounts = new MongoReporterAccounts(counted.template());

            accounts.recordAll(List.of(arrival("c-1", "先到"), arrival("c-2", "另一位"), arrival("c-1", "副本")));

            assertThat(counted.commands()).as("one update command").isEqualTo(1);
            assertThat(accounts.of(List.of("c-1", "c-2"))).extracting(ReporterAccount::description).containsExactly("先到", "另一位");
        }
    }

    @Test
    void aRedeliveredBatchChangesNothingAndTheRefusedUpsertsAreSentOnceMore() {
        try (CountedMongo counted = new CountedMongo("enforcement")) {
            MongoReporterAccounts accounts = new MongoReporterAccounts(counted.template());
            accounts.recordAll(List.of(arrival("c-1", "先到"), arrival("c-2", "另一位")));
            counted.reset();

            accounts.recordAll(List.of(arrival("c-1", "重投"), arrival("c-2", "重投"), arrival("c-3", "新的")));

            assertThat(counted.commands()).as("the bulk, then its two refused upserts once more").isEqualTo(2);
            assertThat(accounts.of(List.of("c-1", "c-2", "c-3"))).extracting(ReporterAccount::description)
                    .containsExactly("先到", "另一位", "新的");
        }
    }

    @Test
    void aBatchOfNotesIsOneBulkWriteAndEachNoteIsKeptOnce() {
        try (CountedMongo counted = new CountedMongo("enforcement")) {
            MongoReporterAccounts accounts = new MongoReporterAccounts(counted.template());
            ReporterAccount.Note early = note("fixmystreet:u-1", "补充: 晚上十点后更严重", "2026-11-27T04:00:00Z");
            ReporterAccount.Note later = note("fixmystreet:u-2", "今天又开始了", "2026-11-28T04:00:00Z");

            accounts.addNotes(List.of(new ReporterAccounts.NoteOf("c-1", early), new ReporterAccounts.NoteOf("c-2", later),
                    new ReporterAccounts.NoteOf("c-1", later), new ReporterAccounts.NoteOf("c-1", early)));

            assertThat(counted.commands()).as("one update command").isEqualTo(1);
            accounts.recordAll(List.of(arrival("c-1", "工地扬尘"), arrival("c-2", "夜间施工")));
            assertThat(accounts.of(List.of("c-1", "c-2"))).extracting(ReporterAccount::notes)
                    .containsExactly(List.of(early, later), List.of(later));
        }
    }

    /** A batch of accounts from two replicas at once and their notes at the same time: one account each, with its note. */
    @Test
    void accountsAndTheirNotesWrittenAtOnceByTwoReplicasAreEachKeptOnce() throws Exception {
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> "c-race-" + i).toList();
        MongoReporterAccounts one = new MongoReporterAccounts(mongo.replica());
        MongoReporterAccounts other = new MongoReporterAccounts(mongo.replica());
        ReporterAccount.Note note = note("fixmystreet:u-1", "补充", "2026-11-27T04:00:00Z");
        CyclicBarrier start = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writes = List.of(
                    pool.submit(() -> at(start, () -> one.recordAll(ids.stream().map(id -> arrival(id, "第一份")).toList()))),
                    pool.submit(() -> at(start, () -> other.recordAll(ids.stream().map(id -> arrival(id, "第一份")).toList()))),
                    pool.submit(() -> at(start, () -> other.addNotes(ids.stream().map(id -> new ReporterAccounts.NoteOf(id, note)).toList()))));
            for (Future<?> w : writes) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<ReporterAccount> read = one.of(ids);
        assertThat(read).hasSize(200).allSatisfy(a -> assertThat(a.notes()).containsExactly(note));
        assertThat(mongo.replica().getCollection("reporter_accounts").countDocuments()).isEqualTo(200);
    }

    private static void at(CyclicBarrier start, Runnable write) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        write.run();
    }

    private static ReporterAccounts.Arrival arrival(String id, String description) {
        return new ReporterAccounts.Arrival(account(id, description, "2026-11-27T01:00:00Z"), null);
    }

    private static ReporterAccount.Note note(String id, String text, String at) {
        return new ReporterAccount.Note(id, "fixmystreet", text, null, Instant.parse(at).minusSeconds(60), Instant.parse(at));
    }

    private static ReporterAccount account(String id, String description, String at) {
        Instant t = Instant.parse(at);
        return new ReporterAccount(id, "LY-" + id, "WECHAT", t.minusSeconds(600), t, "天津路", description,
                List.of(new ReporterAccount.Media("gridfs:Hx3fQm9TzV1cK8aLpR2wYg", "image/jpeg")), List.of(), false);
    }
}
