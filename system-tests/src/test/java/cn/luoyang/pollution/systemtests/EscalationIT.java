package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.systemtests.harness.CaseApi;
import cn.luoyang.pollution.systemtests.harness.EscalationDirectoryApi;
import cn.luoyang.pollution.systemtests.harness.GatewaySms;
import cn.luoyang.pollution.systemtests.harness.Handlers;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Observed;
import cn.luoyang.pollution.systemtests.harness.Smsc;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.systemtests.harness.Waiting;
import cn.luoyang.pollution.systemtests.load.Report;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5 over the real processes: an overdue case's escalation SMS reach the people the
 * escalation directory names, exactly once, across a restart of notification-service. The shared
 * system runs {@link SystemUnderTest#OVERDUE_CATEGORY} with a sign-for limit of 0 h and escalations
 * 0 h after the deadline (see {@link SystemUnderTest}), so a case of that category nobody signs for
 * is overdue and escalated through all three levels as soon as enforcement's clock looks at it.
 */
class EscalationIT {

    private static final Duration STEP = Duration.ofSeconds(60);
    /** Directory people of this test only (invented; numbers no demo person has). */
    private static final String LEADER = "测试局长戊", LEADER_MOBILE = "13900150001";
    private static final String OFFICE = "测试攻坚办主任己", OFFICE_MOBILE = "13900150002";
    private static final String DISCIPLINE = "测试纪委联络员庚", DISCIPLINE_MOBILE = "13900150003";
    /** What tells the three kinds of text apart (notification-service's Chinese templates). */
    static final Map<String, String> KIND_MARKS = Map.of("REMINDER", "将于", "OVERDUE", "超期，请", "ESCALATED", "升级督办");

    static SystemUnderTest system;
    static GatewaySms sms;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.shared();
        sms = system.sms();
    }

    @AfterAll
    static void stop() {
        sms.close();
    }

    @Test
    void anOverdueCaseTextsTheNamedLeaderAndOfficesExactlyOnceAcrossARestartOfNotification() {
        Smsc smsc = system.smsc().orElseThrow(() -> new IllegalStateException("the shared system sends over SMPP"));
        // the unit as today's case events name it: the bare department code (see notification-service's README)
        JsonHttp.Answer imported = new EscalationDirectoryApi(system, "campaign").importCsv(String.join("\n",
                "unit,role,name,mobile",
                "ECOLOGY_ENVIRONMENT,UNIT_LEADER," + LEADER + "," + LEADER_MOBILE,
                "CAMPAIGN_OFFICE,CAMPAIGN_OFFICE," + OFFICE + "," + OFFICE_MOBILE,
                "DISCIPLINE_OFFICE,DISCIPLINE_OFFICE," + DISCIPLINE + "," + DISCIPLINE_MOBILE, ""));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).doesNotContain(LEADER_MOBILE);

        // notification-service is down while the case is filed, dispatched, and its sign-for clock runs out
        system.runtime().stop(Component.NOTIFICATION);
        CompletableFuture<Void> restart = null;
        try {
            Report report = EndToEndIT.report("escalation", "410305", SystemUnderTest.OVERDUE_CATEGORY);
            JsonHttp.Answer filed = system.complaints().file(report.httpBody(), report.externalTicketId());
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            String complaintId = filed.text("complaintId");
            Ledger ledger = system.ledger();
            Waiting.until(STEP, () -> ledger.caseOf(complaintId).isPresent(), () -> "dispatch of " + complaintId);
            String caseId = ledger.caseOf(complaintId).orElseThrow();
            assertThat(Handlers.unitOf(ledger.caseDispatched(caseId).orElseThrow())).isEqualTo("ECOLOGY_ENVIRONMENT@410305");

            // starting takes tens of seconds and consumes nothing until the end: begin now, the clock runs out meanwhile
            restart = CompletableFuture.runAsync(() -> system.runtime().restart(Component.NOTIFICATION));
            Waiting.until(STEP, () -> escalationLevels(caseId).size() == 3 && has(caseId, "case.overdue.v1"),
                    () -> "CaseOverdue and three CaseEscalated of " + caseId + ": " + ledger.lifecycle(caseId));
            assertThat(restart).as("notification-service still starting when the clock ran out and escalated").isNotDone();
            assertThat(escalationLevels(caseId)).containsExactlyInAnyOrder("UNIT_LEADER", "CAMPAIGN_OFFICE", "DISCIPLINE_OFFICE");
            JsonHttp.Answer view = new CaseApi(system, Handlers.CLOSURE_VERIFIER).get(caseId);
            assertThat(view.json().path("overdue").asBoolean()).as(view.body()).isTrue();

            restart.join();
            Waiting.until(STEP, () -> kinds(smsc, LEADER_MOBILE).containsAll(List.of("OVERDUE", "ESCALATED"))
                    && kinds(smsc, OFFICE_MOBILE).contains("ESCALATED") && kinds(smsc, DISCIPLINE_MOBILE).contains("ESCALATED")
                    && sms.milestonesOf(complaintId).containsAll(List.of("REGISTERED", "DISPATCHED")),
                    () -> "the escalation SMS after the restart: " + smsc.received().stream().map(Smsc.Received::text).toList());
            Waiting.pause(Duration.ofSeconds(3)); // a second copy would follow within seconds

            // at most one REMINDER: notification texts a reminder only once it knows the case's lead unit from
            // cases.dispatched, and after the restart it may read cases.lifecycle first (README, "Not covered")
            List<String> leader = kinds(smsc, LEADER_MOBILE);
            assertThat(leader).as("to %s: %s", LEADER, texts(smsc, LEADER_MOBILE))
                    .containsOnlyOnce("OVERDUE", "ESCALATED").doesNotHaveDuplicates();
            assertThat(texts(smsc, LEADER_MOBILE)).allMatch(t -> t.contains(LEADER))
                    .filteredOn(t -> t.contains(KIND_MARKS.get("OVERDUE"))).singleElement().asString().contains("签收时限");
            assertThat(kinds(smsc, OFFICE_MOBILE)).as("to %s", OFFICE).containsExactly("ESCALATED");
            assertThat(kinds(smsc, DISCIPLINE_MOBILE)).as("to %s", DISCIPLINE).containsExactly("ESCALATED");
            assertThat(sms.milestonesOf(complaintId)).as("the reporter's SMS, queued while notification was down")
                    .containsExactlyInAnyOrder("REGISTERED", "DISPATCHED");
        } finally {
            if (restart == null) {
                system.runtime().restart(Component.NOTIFICATION);
            } else {
                restart.join();
            }
        }
    }

    private static Set<String> escalationLevels(String caseId) {
        return system.ledger().lifecycle(caseId).stream().filter(o -> "case.escalated.v1".equals(o.type()))
                .map(o -> o.text("level")).collect(Collectors.toSet());
    }

    private static boolean has(String caseId, String type) {
        return system.ledger().lifecycle(caseId).stream().map(Observed::type).anyMatch(type::equals);
    }

    /** The texts the SMSC received for this mobile number. */
    static List<String> texts(Smsc smsc, String mobile) {
        return smsc.received().stream().filter(r -> r.destination().endsWith(mobile)).map(Smsc.Received::text).toList();
    }

    /** The kind (REMINDER, OVERDUE, ESCALATED) of each text the number received, repeats kept. */
    static List<String> kinds(Smsc smsc, String mobile) {
        return texts(smsc, mobile).stream().map(t -> KIND_MARKS.entrySet().stream().filter(k -> t.contains(k.getValue()))
                .map(Map.Entry::getKey).findFirst().orElse("OTHER: " + t)).toList();
    }
}
