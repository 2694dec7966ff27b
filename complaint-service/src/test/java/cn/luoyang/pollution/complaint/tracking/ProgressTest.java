package cn.luoyang.pollution.complaint.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");
    private final Progress received = Progress.received("e0", T0);

    @Test
    void aWholeCaseLifeEndsClosedWithTheReplyAndReopeningClearsIt() {
        Progress p = received
                .apply(change("e1", PublicStatus.DISPATCHED, 60, "HOUSING_CONSTRUCTION", null))
                .apply(change("e2", PublicStatus.ACCEPTED, 120, "HOUSING_CONSTRUCTION", null))
                .apply(change("e3", PublicStatus.CLOSED, 180, null, "已整改"));

        assertThat(p.status()).isEqualTo(PublicStatus.CLOSED);
        assertThat(p.reply()).isEqualTo("已整改");
        assertThat(p.department()).isEqualTo("HOUSING_CONSTRUCTION");
        assertThat(p.caseId()).isEqualTo("CASE-1");
        assertThat(p.since()).isEqualTo(T0.plusSeconds(180));

        Progress reopened = p.apply(change("e4", PublicStatus.REOPENED, 240, null, "不满意"));
        assertThat(reopened.status()).isEqualTo(PublicStatus.REOPENED);
        assertThat(reopened.reply()).isNull();
    }

    @Test
    void thePublicChangesAreTheOnesThatMovedTheStatusOldestFirst() {
        Progress p = received
                .apply(change("e3", PublicStatus.CLOSED, 180, null, "已整改"))
                .apply(change("e1", PublicStatus.DISPATCHED, 60, "HOUSING_CONSTRUCTION", null))
                .apply(change("e4", PublicStatus.MERGED, 240, null, null));

        assertThat(p.publicChanges()).extracting(StatusChange::eventId).containsExactly("e1", "e3");
        assertThat(received.publicChanges()).isEmpty();
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        Progress once = received.apply(change("e1", PublicStatus.DISPATCHED, 60, "URBAN_MANAGEMENT", null));

        assertThat(once.apply(change("e1", PublicStatus.DISPATCHED, 60, "URBAN_MANAGEMENT", null))).isSameAs(once);
        assertThat(once.version()).isEqualTo(1);
    }

    @Test
    void eventsInAnyOrderGiveTheSameStatus() {
        StatusChange dispatched = change("e1", PublicStatus.DISPATCHED, 60, "URBAN_MANAGEMENT", null);
        StatusChange accepted = change("e2", PublicStatus.ACCEPTED, 120, "URBAN_MANAGEMENT", null);
        StatusChange closed = change("e3", PublicStatus.CLOSED, 180, null, "done");

        Progress inOrder = received.apply(dispatched).apply(accepted).apply(closed);
        Progress reversed = received.apply(closed).apply(accepted).apply(dispatched);

        assertThat(reversed.status()).isEqualTo(inOrder.status()).isEqualTo(PublicStatus.CLOSED);
        assertThat(reversed.reply()).isEqualTo("done");
        assertThat(reversed.history()).extracting(StatusChange::eventId).containsExactly("e0", "e1", "e2", "e3");
    }

    @Test
    void aForbiddenMoveIsKeptInTheHistoryButDoesNotChangeTheStatus() {
        Progress p = received.apply(change("e1", PublicStatus.CLOSED, 60, null, "closed without dispatch?"));

        assertThat(p.status()).isEqualTo(PublicStatus.RECEIVED);
        assertThat(p.reply()).isNull();
        assertThat(p.history()).hasSize(2);
    }

    @Test
    void aRerouteNamesTheNewDepartment() {
        Progress p = received
                .apply(change("e1", PublicStatus.DISPATCHED, 60, "URBAN_MANAGEMENT", null))
                .apply(change("e2", PublicStatus.DISPATCHED, 600, "TRANSPORT", null));

        assertThat(p.department()).isEqualTo("TRANSPORT");
    }

    private static StatusChange change(String id, PublicStatus status, long seconds, String department, String note) {
        return new StatusChange(id, status, T0.plusSeconds(seconds), "CASE-1", department, note, null);
    }
}
