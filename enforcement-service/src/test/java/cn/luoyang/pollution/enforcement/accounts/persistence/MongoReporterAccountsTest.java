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

    private static ReporterAccount account(String id, String description, String at) {
        Instant t = Instant.parse(at);
        return new ReporterAccount(id, "LY-" + id, "WECHAT", t.minusSeconds(600), t, "天津路", description,
                List.of(new ReporterAccount.Media("gridfs:Hx3fQm9TzV1cK8aLpR2wYg", "image/jpeg")));
    }
}
