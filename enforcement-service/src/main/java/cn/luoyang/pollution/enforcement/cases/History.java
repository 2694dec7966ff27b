package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The append-only record of a case. There is no way to change or remove an entry: the list handed
 * out is read-only, the store only ever appends ({@code $push}), and the hash chain shows any
 * change made behind the application's back.
 */
public final class History {

    private final List<HistoryEntry> entries;

    History(List<HistoryEntry> entries) {
        this.entries = entries;
    }

    HistoryEntry append(String action, CaseState from, CaseState to, Actor actor, Instant at,
            List<String> evidence, String note, String eventId) {
        String previous = entries.isEmpty() ? "" : entries.get(entries.size() - 1).hash();
        // stores keep milliseconds; the hash must survive a round trip
        HistoryEntry entry = HistoryEntry.sign(entries.size() + 1, action, from, to, actor,
                at.truncatedTo(ChronoUnit.MILLIS), evidence, note, eventId, previous);
        entries.add(entry);
        return entry;
    }

    public List<HistoryEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** True when every entry's hash matches its content and links to the entry before it. */
    public boolean verify() {
        String previous = "";
        for (int i = 0; i < entries.size(); i++) {
            HistoryEntry entry = entries.get(i);
            if (entry.seq() != i + 1 || !entry.previousHash().equals(previous) || !entry.hashIsIntact()) {
                return false;
            }
            previous = entry.hash();
        }
        return true;
    }

    static History of(List<HistoryEntry> stored) {
        return new History(new ArrayList<>(stored == null ? List.of() : stored));
    }
}
