package cn.luoyang.pollution.enforcement.cases;

import static cn.luoyang.pollution.enforcement.cases.CaseState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every pair of states: each allowed transition works and signs once; each forbidden one changes nothing. */
class CaseStateMachineTest {

    /** Written out by hand from issue 5, independently of {@link CaseState#next()}. */
    static final Map<CaseState, Set<CaseState>> ALLOWED = Map.ofEntries(
            Map.entry(DISPATCHED, EnumSet.of(ACCEPTED, RETURNED, DISPATCHED)),
            Map.entry(RETURNED, EnumSet.of(DISPATCHED)),
            Map.entry(ACCEPTED, EnumSet.of(INSPECTING, CLOSED)),
            Map.entry(INSPECTING, EnumSet.of(UNFOUNDED, RECTIFICATION_ORDERED, PENALIZED)),
            Map.entry(RECTIFICATION_ORDERED, EnumSet.of(RECTIFIED, PENALIZED)),
            Map.entry(RECTIFIED, EnumSet.of(VERIFIED, RECTIFICATION_ORDERED)),
            Map.entry(PENALIZED, EnumSet.of(RECTIFICATION_ORDERED, CLOSED)),
            Map.entry(UNFOUNDED, EnumSet.of(CLOSED)),
            Map.entry(VERIFIED, EnumSet.of(CLOSED)),
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
        Case c = CaseMother.inState(from);
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
}
