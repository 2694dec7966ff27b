package cn.luoyang.pollution.enforcement.accounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reporters' accounts this service has read, keyed by complaint id. */
public interface ReporterAccounts {

    /**
     * Keeps the account unless one for its complaint is already kept: a redelivery changes nothing.
     * Notes that arrived before it (another topic) stay with it.
     */
    default void record(ReporterAccount account) {
        record(account, null);
    }

    /**
     * As {@link #record(ReporterAccount)}, with the hash of the claim code (领奖凭证) complaint-service gave the filer
     * at filing (null: none). The hash is kept beside the account, not in it: the account is shown to the
     * case's handlers, the hash is read only by the reward desk ({@link #claimCodeHashes}).
     */
    default void record(ReporterAccount account, String claimCodeHash) {
        recordAll(List.of(new Arrival(account, claimCodeHash)));
    }

    /**
     * As {@link #record(ReporterAccount, String)} for each of a batch (a poll of {@code complaints.registered}), in
     * one write: of two for one complaint, the first is kept.
     */
    void recordAll(List<Arrival> arrivals);

    /** An account as complaint-service registered it, with the hash of the filer's claim code (null: none). */
    record Arrival(ReporterAccount account, String claimCodeHash) {
    }

    /** The hashes of the claim codes given at filing, by complaint id, for those of these complaints that have one. */
    Map<String, String> claimCodeHashes(Collection<String> complaintIds);

    /**
     * Adds a reporter's note to the account of {@code complaintId} unless a note with its id is there:
     * a redelivery changes nothing. A note may arrive before the account it belongs to; it is shown
     * once the account has arrived.
     */
    default void addNote(String complaintId, ReporterAccount.Note note) {
        addNotes(List.of(new NoteOf(complaintId, note)));
    }

    /** As {@link #addNote} for each of a batch (a poll of {@code complaints.notes}), in one write. */
    void addNotes(List<NoteOf> notes);

    /** A reporter's note for the account of {@code complaintId}. */
    record NoteOf(String complaintId, ReporterAccount.Note note) {
    }

    /** The accounts of these complaints that have arrived, oldest registration first. */
    List<ReporterAccount> of(Collection<String> complaintIds);

    /** The monitor triggers (在线监测) among these complaints' accounts, by complaint id; people's reports left out. */
    default Map<String, ReporterAccount.Monitor> monitorsOf(Collection<String> complaintIds) {
        Map<String, ReporterAccount.Monitor> out = new HashMap<>();
        of(complaintIds).stream().filter(a -> a.monitor() != null).forEach(a -> out.put(a.complaintId(), a.monitor()));
        return out;
    }
}
