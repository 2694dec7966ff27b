package cn.luoyang.pollution.enforcement.accounts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.testing.IndexRule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The accounts' store on the embedded MongoDB: first copy wins, oldest first, every query by {@code _id}. */
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

    private static ReporterAccount.Note note(String id, String text, String at) {
        return new ReporterAccount.Note(id, "fixmystreet", text, null, Instant.parse(at).minusSeconds(60), Instant.parse(at));
    }

    private static ReporterAccount account(String id, String description, String at) {
        Instant t = Instant.parse(at);
        return new ReporterAccount(id, "LY-" + id, "WECHAT", t.minusSeconds(600), t, "天津路", description,
                List.of(new ReporterAccount.Media("gridfs:Hx3fQm9TzV1cK8aLpR2wYg", "image/jpeg")), List.of(), false);
    }
}
