package cn.luoyang.pollution.enforcement.cases;

import static cn.luoyang.pollution.enforcement.cases.CaseState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.ClockName;
import cn.luoyang.pollution.enforcement.clocks.RunningClock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every pair of states: each allowed transition works and signs once; each forbidden one changes nothing. */
class CaseStateMachineTest {

    /** Written out by hand from issue 5, independently of {@link CaseState#next()}. */
    static final Map<CaseState, Set<CaseState>> ALLOWED = Map.ofEntries(
            Map.entry(DISPATCHED, EnumSet.of(ACCEPTED, RETURNED, DISPATCHED)),
            Map.entry(RETURNED, EnumSet.of(DISPATCHED)),
            Map.entry(ACCEPTED, EnumSet.of(INSPECTING, CLOSURE_REQUESTED)),
            Map.entry(INSPECTING, EnumSet.of(UNFOUNDED, RECTIFICATION_ORDERED, PENALIZED)),
            Map.entry(RECTIFICATION_ORDERED, EnumSet.of(RECTIFIED, PENALIZED)),
            Map.entry(RECTIFIED, EnumSet.of(VERIFIED, RECTIFICATION_ORDERED)),
            Map.entry(PENALIZED, EnumSet.of(RECTIFICATION_ORDERED, CLOSURE_REQUESTED)),
            Map.entry(UNFOUNDED, EnumSet.of(CLOSURE_REQUESTED)),
            Map.entry(VERIFIED, EnumSet.of(CLOSURE_REQUESTED)),
            // issue 15: 办结审核 — approved closes, rejected goes back to where the request came from
            Map.entry(CLOSURE_REQUESTED, EnumSet.of(CLOSED, ACCEPTED, PENALIZED, UNFOUNDED, VERIFIED)),
            Map.entry(CLOSED, EnumSet.of(REOPENED)),
            Map.entry(REOPENED, EnumSet.of(INSPECTING)));

    static Stream<Arguments> allowed() {
        List<Arguments> pairs = new ArrayList<>();
        ALLOWED.forEach((from, tos) -> tos.forEach(to -> pairs.add(Arguments.of(from, to))));
        return pairs.stream();
    }

    static Stream<Arguments> forbidden() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseState from : CaseState.values()) {
            for (CaseState to : CaseState.values()) {
                if (!ALLOWED.get(from).contains(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} → {1} is allowed")
    @MethodSource("allowed")
    void allowedTransitionMovesRecordsOneSignedEntryAndOneEvent(CaseState from, CaseState to) {
        // a rejected closure request goes back to its own origin, so build the request from there
        Case c = from == CLOSURE_REQUESTED && to != CLOSED ? CaseMother.closureRequestedFrom(to) : CaseMother.inState(from);
        int history = c.history().entries().size();
        int events = c.newEvents().size();

        CaseMother.apply(c, to, Instant.parse("2026-11-25T02:00:00Z"));

        assertThat(c.state()).isEqualTo(to);
        assertThat(c.history().entries()).hasSize(history + 1);
        HistoryEntry last = c.history().entries().get(history);
        assertThat(last.fromState()).isEqualTo(from);
        assertThat(last.toState()).isEqualTo(to);
        assertThat(last.actor().userId()).isNotBlank();
        assertThat(last.at()).isEqualTo(Instant.parse("2026-11-25T02:00:00Z"));
        // dispatch already published the re-assignment; every other verb publishes exactly one event
        assertThat(c.newEvents()).hasSize(to == DISPATCHED ? events : events + 1);
        assertThat(c.history().verify()).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1} is refused")
    @MethodSource("forbidden")
    void forbiddenTransitionIsRefusedAndChangesNothing(CaseState from, CaseState to) {
        Case c = CaseMother.inState(from);
        int history = c.history().entries().size();
        int events = c.newEvents().size();

        assertThatThrownBy(() -> CaseMother.apply(c, to, Instant.parse("2026-11-25T02:00:00Z")))
                .isInstanceOf(CaseRuleViolation.class);

        assertThat(c.state()).isEqualTo(from);
        assertThat(c.history().entries()).hasSize(history);
        assertThat(c.newEvents()).hasSize(events);
    }

    @ParameterizedTest(name = "{0} knows its next states")
    @MethodSource("states")
    void enumAgreesWithTheIssuesTable(CaseState state) {
        assertThat(state.next()).isEqualTo(ALLOWED.get(state));
    }

    static Stream<CaseState> states() {
        return Stream.of(CaseState.values());
    }

    /** Issue 15: whatever way a case is handled, CLOSED is reached only through 办结审核. */
    @Test
    void noPathReachesClosedWithoutTheVerificationStep() {
        for (Map<CaseState, Set<CaseState>> table : List.of(ALLOWED, enumTable())) {
            Set<CaseState> reached = EnumSet.of(DISPATCHED);
            Deque<CaseState> todo = new ArrayDeque<>(List.of(DISPATCHED));
            while (!todo.isEmpty()) {
                for (CaseState next : table.get(todo.pop())) {
                    if (next != CLOSURE_REQUESTED && reached.add(next)) {
                        todo.push(next);
                    }
                }
            }
            assertThat(reached).as("states reachable without passing CLOSURE_REQUESTED").doesNotContain(CLOSED);
            table.forEach((from, tos) -> assertThat(!tos.contains(CLOSED) || from == CLOSURE_REQUESTED)
                    .as(from + " leads straight to CLOSED").isTrue());
        }
    }

    private static Map<CaseState, Set<CaseState>> enumTable() {
        Map<CaseState, Set<CaseState>> table = new java.util.EnumMap<>(CaseState.class);
        for (CaseState s : CaseState.values()) {
            table.put(s, s.next());
        }
        return table;
    }

    static Stream<CaseState> closingOrigins() {
        return Stream.of(ACCEPTED, PENALIZED, UNFOUNDED, VERIFIED);
    }

    @ParameterizedTest(name = "a closure request from {0} closes nothing until it is verified")
    @MethodSource("closingOrigins")
    void aClosureRequestClosesNothingAndKeepsTheClockRunning(CaseState origin) {
        Case c = CaseMother.closureRequestedFrom(origin);

        assertThat(c.state()).isEqualTo(CLOSURE_REQUESTED);
        assertThat(c.closures()).isEmpty();
        assertThat(c.newEvents()).noneMatch(e -> e instanceof CaseClosed);
        assertThat(c.clocks().get(ClockName.CLOSE)).get().extracting(RunningClock::running).isEqualTo(true);
        assertThat(c.pendingClosure()).get().satisfies(r -> {
            assertThat(r.proposal().from()).isEqualTo(origin);
            assertThat(r.proposal().reply()).isEqualTo("经核查，问题已处理。");
        });

        Instant approvedAt = Instant.parse("2026-11-26T02:00:00Z");
        c.decideClosure(CaseMother.SUPERVISOR, approvedAt, true, "同意");

        assertThat(c.state()).isEqualTo(CLOSED);
        assertThat(c.closures()).singleElement().satisfies(cl -> {
            assertThat(cl.at()).isEqualTo(approvedAt);
            assertThat(cl.reply()).isEqualTo("经核查，问题已处理。");
            assertThat(cl.actor()).isEqualTo(CaseMother.LEAD);
        });
        assertThat(c.newEvents()).filteredOn(e -> e instanceof CaseClosed).singleElement()
                .satisfies(e -> assertThat(((CaseClosed) e).actor()).isEqualTo(CaseMother.SUPERVISOR));
        assertThat(c.clocks().get(ClockName.CLOSE)).get().extracting(RunningClock::stoppedAt).isEqualTo(approvedAt);
        assertThat(c.pendingClosure()).isEmpty();
    }

    @ParameterizedTest(name = "nobody who handled a case closed from {0} may verify its closure")
    @MethodSource("closingOrigins")
    void aVerifierWhoHandledTheCaseIsRefusedAndNothingChanges(CaseState origin) {
        Case c = CaseMother.closureRequestedFrom(origin);
        Set<String> signers = new java.util.LinkedHashSet<>();
        c.history().entries().stream().filter(e -> !e.actor().role().equals("SYSTEM")).forEach(e -> signers.add(e.actor().userId()));
        assertThat(signers).contains(CaseMother.LEAD.userId());
        int history = c.history().entries().size();

        for (String signer : signers) {
            Actor sameUserAnotherRole = new Actor(signer, "SUPERVISOR", "CAMPAIGN_OFFICE@410300");
            assertThatThrownBy(() -> c.decideClosure(sameUserAnotherRole, Instant.parse("2026-11-26T02:00:00Z"), true, "同意"))
                    .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("cannot verify its closure");
            assertThatThrownBy(() -> c.decideClosure(sameUserAnotherRole, Instant.parse("2026-11-26T02:00:00Z"), false, "退回"))
                    .isInstanceOf(CaseRuleViolation.class);
        }
        assertThat(c.state()).isEqualTo(CLOSURE_REQUESTED);
        assertThat(c.history().entries()).hasSize(history);
        assertThat(c.closures()).isEmpty();
    }

    @Test
    void aRejectionNeedsAReasonAndLetsTheHandlerAskAgain() {
        Case c = CaseMother.closureRequestedFrom(UNFOUNDED);
        Instant at = Instant.parse("2026-11-26T02:00:00Z");
        assertThatThrownBy(() -> c.decideClosure(CaseMother.SECOND, at, false, " ")).isInstanceOf(CaseRuleViolation.class);

        c.decideClosure(CaseMother.SECOND, at, false, "答复未说明核查时间");

        assertThat(c.state()).isEqualTo(UNFOUNDED);
        assertThat(c.closureRequests()).singleElement().satisfies(r -> {
            assertThat(r.approved()).isFalse();
            assertThat(r.decision().note()).isEqualTo("答复未说明核查时间");
        });
        c.requestClosure(CaseMother.LEAD, at.plusSeconds(60), null, "经2026年11月24日核查，问题不属实。", CaseMother.proof(c));
        c.decideClosure(CaseMother.SECOND, at.plusSeconds(120), true, null);
        assertThat(c.state()).isEqualTo(CLOSED);
        assertThat(c.closures()).singleElement().extracting(Closure::reply).isEqualTo("经2026年11月24日核查，问题不属实。");
        assertThat(c.history().verify()).isTrue();
    }

    /**
     * Issue 15: every walk from dispatch to CLOSED the table allows (each state at most twice, so
     * rejected requests and reopened cases are walked too), played on a real case: at each closure
     * request, asking without evidence or citing another case's file is refused; at each approval,
     * everyone who signed the handling, the requester, the record's signer and the uploader are
     * refused; CLOSED is reached only with evidence and by somebody else.
     */
    @Test
    void everyWalkToClosedNeedsEvidenceAndAnotherPersonsApproval() {
        List<List<CaseState>> walks = new ArrayList<>();
        walk(new ArrayList<>(List.of(DISPATCHED)), walks);
        assertThat(walks).as("walks from dispatch to CLOSED").hasSizeGreaterThan(20)
                .anySatisfy(w -> assertThat(w).containsSubsequence(ACCEPTED, CLOSURE_REQUESTED, CLOSED))
                .anySatisfy(w -> assertThat(w).containsSubsequence(PENALIZED, CLOSURE_REQUESTED, CLOSED))
                .anySatisfy(w -> assertThat(w).containsSubsequence(CLOSED, REOPENED, INSPECTING));

        for (List<CaseState> w : walks) {
            Case c = CaseMother.dispatched("CASE-WALK");
            Instant t = CaseMother.T0;
            for (CaseState step : w.subList(1, w.size())) {
                t = t.plus(java.time.Duration.ofMinutes(10));
                if (step == CLOSURE_REQUESTED) {
                    refusedWithoutChange(c, w, at -> c.requestClosure(CaseMother.LEAD, at, null, "经核查，问题已处理。", Evidence.NONE), t);
                    Evidence elsewhere = CaseMother.proof(CaseMother.dispatched("CASE-OTHER"));
                    refusedWithoutChange(c, w, at -> c.requestClosure(CaseMother.LEAD, at, null, "经核查，问题已处理。",
                            Evidence.of(elsewhere.files(), null)), t);
                }
                if (step == CLOSED) {
                    ClosureProposal request = c.pendingClosure().orElseThrow().proposal();
                    Set<String> barred = new java.util.LinkedHashSet<>(request.cited().people());
                    barred.add(request.by().userId());
                    c.history().entries().stream().filter(e -> HANDLING.contains(e.action()))
                            .forEach(e -> barred.add(e.actor().userId()));
                    for (String person : barred) {
                        Actor asSupervisor = new Actor(person, "SUPERVISOR", "CAMPAIGN_OFFICE@410300");
                        refusedWithoutChange(c, w, at -> c.decideClosure(asSupervisor, at, true, "同意"), t);
                    }
                    CaseMother.apply(c, step, t);
                    HistoryEntry closed = c.history().entries().get(c.history().entries().size() - 1);
                    assertThat(closed.action()).as(w.toString()).isEqualTo("CLOSED");
                    assertThat(barred).as(w + ": the approver").doesNotContain(closed.actor().userId());
                    assertThat(request.cited().citesNothing()).as(w + ": evidence").isFalse();
                    assertThat(request.cited().files()).allSatisfy(f -> assertThat(f.caseId()).isEqualTo(c.id()));
                    assertThat(closed.evidence()).isEqualTo(request.cited().references());
                    continue;
                }
                CaseMother.apply(c, step, t);
                assertThat(c.state()).as(w.toString()).isEqualTo(step);
            }
            assertThat(c.state()).isEqualTo(CLOSED);
            assertThat(c.history().verify()).isTrue();
        }
    }

    /** The history actions that make a person a handler of the case (Case's own list, written out again). */
    private static final Set<String> HANDLING = Set.of("ACCEPTED", "INSPECTION_STARTED", "FOUND_UNFOUNDED",
            "RECTIFICATION_ORDERED", "RECTIFIED", "VERIFIED", "PENALIZED", "CLOSURE_REQUESTED",
            "RECTIFICATION_CHECK_PASSED", "RECTIFICATION_CHECK_FAILED");

    /** Walks ending at CLOSED, each state at most twice, CLOSED never left more than once. */
    private static void walk(List<CaseState> path, List<List<CaseState>> walks) {
        CaseState last = path.get(path.size() - 1);
        if (last == CLOSED && path.indexOf(CLOSED) != path.size() - 1) {
            walks.add(List.copyOf(path)); // closed, reopened, closed again
            return;
        }
        if (last == CLOSED) {
            walks.add(List.copyOf(path));
        }
        for (CaseState next : ALLOWED.get(last)) {
            if (java.util.Collections.frequency(path, next) < 2 && !(next == DISPATCHED && last == DISPATCHED && path.size() > 1)) {
                path.add(next);
                walk(path, walks);
                path.remove(path.size() - 1);
            }
        }
    }

    private static void refusedWithoutChange(Case c, List<CaseState> walk, java.util.function.Consumer<Instant> verb, Instant at) {
        CaseState state = c.state();
        int history = c.history().entries().size();
        int events = c.newEvents().size();
        assertThatThrownBy(() -> verb.accept(at)).as(walk.toString()).isInstanceOf(CaseRuleViolation.class);
        assertThat(c.state()).isEqualTo(state);
        assertThat(c.history().entries()).hasSize(history);
        assertThat(c.newEvents()).hasSize(events);
    }

    @Test
    void theSignerOfTheCitedRecordAndTheUploaderOfACitedFileMayNotApprove() {
        Case c = CaseMother.inState(UNFOUNDED);
        Instant at = Instant.parse("2026-11-26T02:00:00Z");
        InspectionRecord signedByAnother = new InspectionRecord("洛城管勘〔2026〕21号", "cg-jianxi-3", at.minusSeconds(3600), "未发现扬尘");
        EvidenceFile uploadedByGrid = new EvidenceFile("u-grid", c.id(), "site.jpg", FileKind.JPEG, 2048, "0".repeat(64),
                "grid-jianxi", at.minusSeconds(600));
        c.requestClosure(CaseMother.LEAD, at, null, "经核查，问题不属实。", Evidence.of(List.of(uploadedByGrid), signedByAnother));

        for (String person : List.of("cg-jianxi-3", "grid-jianxi")) {
            assertThatThrownBy(() -> c.decideClosure(new Actor(person, "SUPERVISOR", "CAMPAIGN_OFFICE@410300"), at, true, "同意"))
                    .isInstanceOf(CaseRuleViolation.class).hasMessageContaining("cannot verify its closure");
            assertThat(c.handledBy(person)).as("the console does not offer the decision").isTrue();
        }
        c.decideClosure(CaseMother.SUPERVISOR, at, true, "同意");
        assertThat(c.state()).isEqualTo(CLOSED);
        assertThat(c.history().entries().get(c.history().entries().size() - 1).evidence())
                .containsExactly("evidence/u-grid/site.jpg", "inspection-record/洛城管勘〔2026〕21号 signed by cg-jianxi-3");
    }

    @Test
    void anIncompleteOrMisdatedInspectionRecordIsRefusedNamingItsField() {
        Instant at = Instant.parse("2026-11-26T02:00:00Z");
        Map<String, InspectionRecord> refused = Map.of(
                "inspectionRecord.number", new InspectionRecord(" ", "cg-jianxi", at, "f"),
                "inspectionRecord.signedBy", new InspectionRecord("n", null, at, "f"),
                "inspectionRecord.findings", new InspectionRecord("n", "cg-jianxi", at, ""),
                "inspectionRecord.signedAt", new InspectionRecord("n", "cg-jianxi", at.plusSeconds(1), "f"));
        refused.forEach((field, record) -> {
            Case c = CaseMother.inState(PENALIZED);
            assertThatThrownBy(() -> c.requestClosure(CaseMother.LEAD, at, null, "已处罚", Evidence.of(List.of(), record)))
                    .isInstanceOfSatisfying(EvidenceRequired.class, e -> assertThat(e.field()).isEqualTo(field));
            assertThat(c.state()).isEqualTo(PENALIZED);
        });
        Case before = CaseMother.inState(PENALIZED);
        InspectionRecord older = new InspectionRecord("n", "cg-jianxi", CaseMother.T0.minusSeconds(1), "f");
        assertThatThrownBy(() -> before.requestClosure(CaseMother.LEAD, at, null, "已处罚", Evidence.of(List.of(), older)))
                .as("a record signed before the case existed").isInstanceOf(EvidenceRequired.class);
    }

    @Test
    void aRecordSignedInTheMillisecondTheCaseReadsAsNowIsNotInTheFuture() {
        Instant now = Instant.parse("2026-11-26T02:00:00.123Z"); // the service's clock, to the millisecond
        Case c = CaseMother.inState(PENALIZED);
        InspectionRecord signedJustNow = new InspectionRecord("n", "cg-jianxi", now.plusNanos(456_000), "f");

        c.requestClosure(CaseMother.LEAD, now, null, "已处罚", Evidence.of(List.of(), signedJustNow));

        assertThat(c.state()).isEqualTo(CLOSURE_REQUESTED);
        assertThat(signedJustNow.signedAt()).isEqualTo(now);
    }

    @Test
    void aRequestStoredWithoutEvidenceCanOnlyBeSentBack() {
        Case c = CaseMother.closureRequestedFrom(UNFOUNDED);
        ClosureProposal stored = c.closureRequests.get(0).proposal();
        // as a document written before evidence was required reads back: no cited evidence
        c.closureRequests.set(0, new ClosureRequest(new ClosureProposal(stored.from(), stored.outcome(), stored.reply(), null,
                stored.by(), stored.at()), null));
        Instant at = Instant.parse("2026-11-26T02:00:00Z");

        assertThatThrownBy(() -> c.decideClosure(CaseMother.SUPERVISOR, at, true, "同意")).isInstanceOf(EvidenceRequired.class);
        assertThat(c.state()).isEqualTo(CLOSURE_REQUESTED);
        c.decideClosure(CaseMother.SUPERVISOR, at, false, "请补充现场照片或检查笔录");
        assertThat(c.state()).isEqualTo(UNFOUNDED);
    }
}
