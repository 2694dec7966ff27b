package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void historyHandedOutCannotBeChanged() {
        Case c = CaseMother.inState(CaseState.CLOSED);
        List<HistoryEntry> entries = c.history().entries();
        assertThatThrownBy(() -> entries.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.set(0, entries.get(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> entries.add(entries.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyEntryIsSignedAndChainedSoAChangedLineIsDetected() {
        Case c = CaseMother.inState(CaseState.CLOSED);
        History history = c.history();
        assertThat(history.verify()).isTrue();
        assertThat(history.entries()).allSatisfy(e -> {
            assertThat(e.actor()).isNotNull();
            assertThat(e.hash()).hasSize(64);
        });

        List<HistoryEntry> tampered = new ArrayList<>(history.entries());
        HistoryEntry original = tampered.get(2);
        tampered.set(2, new HistoryEntry(original.seq(), original.action(), original.fromState(), original.toState(),
                original.actor(), original.at(), List.of(), "nothing was inspected", original.eventId(),
                original.previousHash(), original.hash()));
        assertThat(History.of(tampered).verify()).isFalse();

        List<HistoryEntry> removed = new ArrayList<>(history.entries());
        removed.remove(1);
        assertThat(History.of(removed).verify()).isFalse();
    }
}
