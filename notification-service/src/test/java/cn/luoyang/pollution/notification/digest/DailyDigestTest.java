package cn.luoyang.pollution.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseExtended;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.notification.digest.persistence.MongoDigestRuns;
import cn.luoyang.pollution.notification.digest.persistence.MongoOverdueCases;
import cn.luoyang.pollution.notification.escalations.Directory;
import cn.luoyang.pollution.notification.escalations.DirectoryEntries;
import cn.luoyang.pollution.notification.escalations.Person;
import cn.luoyang.pollution.notification.escalations.persistence.MongoDirectory;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.fixtures.MovableClock;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.messages.persistence.MongoMessages;
import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.sending.Backoff;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import cn.luoyang.pollution.notification.units.UnitNotices;
import cn.luoyang.pollution.notification.units.persistence.MongoUnitAlerts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daily digest of each unit's overdue open cases, on the embedded MongoDB with an injected clock:
 * the projection follows the lifecycle events, the digest goes at 08:30 Shanghai time once per
 * (unit, day, person) however many instances look, a day claimed by an instance that died is sent by
 * another after the lease, and a rerun sends nothing twice.
 */
class DailyDigestTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant DAY_1_0800 = LocalDateTime.of(2026, 12, 7, 8, 0).atZone(SHANGHAI).toInstant();

    private final MongoFixture mongo = new MongoFixture();
    private final MovableClock clock = new MovableClock(DAY_1_0800, SHANGHAI);
    private final Messages messages = new MongoMessages(mongo.template());
    private final Directory directory = new MongoDirectory(mongo.template());
    private final MongoCaseFiles caseFiles = new MongoCaseFiles(mongo.template());
    private final OverdueCases overdueCases = new MongoOverdueCases(mongo.template());
    private final OverdueLedger ledger = new OverdueLedger(overdueCases, caseFiles);
    private final DirectoryEntries entries = new DirectoryEntries(directory,
            ContactSealer.withPublicKeyset(ContactKeys.generate().publicKeyset()), clock);

    @AfterEach
    void close() {
        mongo.close();
    }

    /** One instance of the service: its own objects over the shared database. */
    private DailyDigest instance() {
        UnitNotices units = new UnitNotices(new MongoUnitAlerts(mongo.template()), alert -> { },
                unit -> Optional.of("http://127.0.0.1:9/" + unit), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                3, clock);
        return new DailyDigest(new MongoOverdueCases(mongo.template()), new MongoDirectory(mongo.template()),
                new MongoMessages(mongo.template()), units, new MongoDigestRuns(mongo.template()),
                MessageTemplates.chinese(), code -> code.equals("HOUSING_CONSTRUCTION") ? "住建局" : code,
                new DailyDigest.Settings(LocalTime.of(8, 30), SHANGHAI, 3), clock, () -> { });
    }

    private void givenOverdueCases() {
        entries.importCsv("""
                unit,role,name,mobile
                HOUSING_CONSTRUCTION@410305,UNIT_LEADER,涧西住建局长,13911110001
                HOUSING_CONSTRUCTION,UNIT_LEADER,住建兜底,13911110002
                """, "admin");
        dispatch("CASE-A", "410305");
        dispatch("CASE-B", "410305");
        dispatch("CASE-C", "410311");
        dispatch("CASE-D", "410305");
        dispatch("CASE-E", "410305");
        dispatch("CASE-F", "410305");
        Instant twoDaysAgo = DAY_1_0800.minus(Duration.ofDays(2));
        Instant oneDayAgo = DAY_1_0800.minus(Duration.ofDays(1));
        ledger.overdue(overdue("CASE-A", "SIGN", twoDaysAgo.minusSeconds(60)));
        ledger.overdue(overdue("CASE-A", "CLOSE", twoDaysAgo));
        ledger.accepted(new CaseAccepted("acc-a", "CASE-A", "HOUSING_CONSTRUCTION", null, DAY_1_0800, 1)); // CLOSE stays
        ledger.overdue(overdue("CASE-B", "SIGN", oneDayAgo));
        ledger.overdue(overdue("CASE-B", "SIGN", oneDayAgo)); // redelivered
        ledger.overdue(overdue("CASE-C", "CLOSE", oneDayAgo));
        ledger.overdue(overdue("CASE-D", "SIGN", twoDaysAgo));
        ledger.accepted(new CaseAccepted("acc-d", "CASE-D", "HOUSING_CONSTRUCTION", null, DAY_1_0800, 1));
        ledger.overdue(overdue("CASE-E", "CLOSE", twoDaysAgo));
        ledger.closed(new CaseClosed("cl-e", "CASE-E", "SUBSTANTIATED", "done", List.of(), null, DAY_1_0800, 1));
        ledger.overdue(overdue("CASE-F", "CLOSE", twoDaysAgo));
        ledger.extended(new CaseExtended("ext-f", "CASE-F", "weather", DAY_1_0800.plus(Duration.ofDays(5)), null,
                DAY_1_0800, 1));
    }

    @Test
    void theProjectionKeepsOnlyOpenCasesWithAClockPastItsDeadline() {
        givenOverdueCases();
        assertThat(overdueCases.all()).extracting(OverdueCase::caseId).containsExactlyInAnyOrder("CASE-A", "CASE-B", "CASE-C");
        assertThat(overdueCases.all()).filteredOn(c -> c.caseId().equals("CASE-A")).singleElement()
                .satisfies(c -> {
                    assertThat(c.clocks()).containsOnlyKeys("CLOSE");
                    assertThat(c.unit()).isEqualTo("HOUSING_CONSTRUCTION@410305");
                    assertThat(c.trackingNumber()).isEqualTo("LY-CASE-A");
                });
        assertThat(mongo.template().getCollection("overdue_cases").countDocuments()).isEqualTo(3);
    }

    @Test
    void atTheConfiguredTimeEachUnitsLeadersGetOneDigestAndTheUnitOnePostWhateverTheNumberOfInstances() {
        givenOverdueCases();
        DailyDigest first = instance();
        DailyDigest second = instance();

        assertThat(first.runIfDue()).isEmpty(); // 08:00: not yet
        assertThat(digests()).isEmpty();
        clock.moveTo(DAY_1_0800.plus(Duration.ofMinutes(30)).plusSeconds(1));
        assertThat(first.runIfDue()).contains(LocalDate.of(2026, 12, 7));
        assertThat(second.runIfDue()).isEmpty();
        assertThat(first.runIfDue()).isEmpty();

        assertThat(digestsTo("涧西住建局长")).singleElement().satisfies(m -> {
            assertThat(m.text()).contains("涧西住建局长").contains("2026-12-07").contains("2件")
                    .contains("住建局（410305）").contains("LY-CASE-A、LY-CASE-B");
            assertThat(m.text().indexOf("LY-CASE-A")).isLessThan(m.text().indexOf("LY-CASE-B")); // oldest first
        });
        assertThat(digestsTo("住建兜底")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("1件").contains("LY-CASE-C").doesNotContain("LY-CASE-A"));
        assertThat(alerts()).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder(
                "DIGEST/HOUSING_CONSTRUCTION@410305/2026-12-07", "DIGEST/HOUSING_CONSTRUCTION@410311/2026-12-07");
        Document jianxi = alerts().stream().filter(d -> d.getString("_id").contains("410305")).findFirst().orElseThrow();
        Document payload = jianxi.get("payload", Document.class);
        assertThat(payload.getInteger("count")).isEqualTo(2);
        assertThat(payload.getList("cases", Document.class)).extracting(c -> c.getString("trackingNumber"))
                .containsExactly("LY-CASE-A", "LY-CASE-B");

        // the next day, N instances look at the same moment: one sends
        clock.moveTo(LocalDateTime.of(2026, 12, 8, 8, 30, 5).atZone(SHANGHAI).toInstant());
        assertThat(race(8)).isEqualTo(1);
        assertThat(digestsTo("涧西住建局长")).hasSize(2);
        assertThat(digestsTo("住建兜底")).hasSize(2);
        assertThat(alerts()).hasSize(4);
    }

    @Test
    void aDayClaimedByAnInstanceThatDiedIsSentByAnotherAfterTheLeaseAndARerunSendsNothingTwice() {
        givenOverdueCases();
        DailyDigest survivor = instance();
        assertThat(survivor.runIfDue()).isEmpty(); // the schedule starts: first slot today 08:30
        Instant slot = DAY_1_0800.plus(Duration.ofMinutes(30));
        clock.moveTo(slot.plusSeconds(1));
        // another instance claims the day and dies before it sends anything
        assertThat(new MongoDigestRuns(mongo.template()).claim(clock.instant(), clock.instant().plus(DailyDigest.LEASE)))
                .contains(LocalDate.of(2026, 12, 7));
        assertThat(survivor.runIfDue()).isEmpty();
        assertThat(digests()).isEmpty();

        clock.advance(DailyDigest.LEASE.plusSeconds(1));
        assertThat(survivor.runIfDue()).contains(LocalDate.of(2026, 12, 7));
        assertThat(digests()).hasSize(2);
        // a run of the same day again (an instance whose lease ran out while it was still sending)
        assertThat(instance().send(LocalDate.of(2026, 12, 7))).isZero();
        assertThat(digests()).hasSize(2);
        assertThat(alerts()).hasSize(2);
        // and the schedule moved on to tomorrow's slot, not to now + 1 day
        assertThat(survivor.runIfDue()).isEmpty();
        clock.moveTo(slot.plus(Duration.ofDays(1)).minusSeconds(5));
        assertThat(survivor.runIfDue()).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(survivor.runIfDue()).contains(LocalDate.of(2026, 12, 8));

        // every instance down over two slots: the digest goes once when one is back, dated that day
        clock.moveTo(LocalDateTime.of(2026, 12, 11, 9, 15).atZone(SHANGHAI).toInstant());
        assertThat(survivor.runIfDue()).contains(LocalDate.of(2026, 12, 11));
        assertThat(survivor.runIfDue()).isEmpty();
        assertThat(digestsTo("涧西住建局长")).extracting(m -> m.text().contains("2026-12-11")).containsOnlyOnce(true);
        clock.moveTo(LocalDateTime.of(2026, 12, 12, 8, 30, 5).atZone(SHANGHAI).toInstant());
        assertThat(survivor.runIfDue()).contains(LocalDate.of(2026, 12, 12));
    }

    private int race(int instances) {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Optional<LocalDate>>> runs = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                DailyDigest digest = instance();
                Callable<Optional<LocalDate>> run = () -> {
                    go.await();
                    return digest.runIfDue();
                };
                runs.add(pool.submit(run));
            }
            go.countDown();
            int sent = 0;
            for (Future<Optional<LocalDate>> run : runs) {
                sent += run.get().isPresent() ? 1 : 0;
            }
            return sent;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void dispatch(String caseId, String district) {
        CaseDispatched d = new CaseDispatched("d-" + caseId, caseId, "c-" + caseId, "LY-" + caseId, "DUST", null,
                new Territory(district, null, null, null, null, null, Territory.FoundBy.POLYGON), "HOUSING_CONSTRUCTION",
                List.of(), Level.DISTRICT, Priority.ROUTINE, "STANDARD", null, "R1", 1, 1, false, List.of(), DAY_1_0800, 1);
        caseFiles.dispatched(caseId, d.leadDepartment(), d.leadTerritory(), false,
                new CaseFile.Member(d.complaintId(), d.trackingNumber()));
    }

    private static CaseOverdue overdue(String caseId, String clock, Instant deadline) {
        return new CaseOverdue("o-" + caseId + "-" + clock, caseId, ClockName.valueOf(clock), "HOUSING_CONSTRUCTION", deadline,
                deadline, 1);
    }

    private List<SmsMessage> digestsTo(String name) {
        Person person = directory.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        return messages.forComplaint(person.recipientId()).stream().filter(m -> m.milestone() == Milestone.DIGEST).toList();
    }

    private List<SmsMessage> digests() {
        return directory.all().stream().flatMap(p -> messages.forComplaint(p.recipientId()).stream())
                .filter(m -> m.milestone() == Milestone.DIGEST).toList();
    }

    private List<Document> alerts() {
        return mongo.template().getCollection("unit_alerts").find(new Document("kind", "DIGEST")).into(new ArrayList<>());
    }
}
