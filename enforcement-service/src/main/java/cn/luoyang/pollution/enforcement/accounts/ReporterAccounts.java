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
    void record(ReporterAccount account, String claimCodeHash);

    /** The hashes of the claim codes given at filing, by complaint id, for those of these complaints that have one. */
    Map<String, String> claimCodeHashes(Collection<String> complaintIds);

    /**
     * Adds a reporter's note to the account of {@code complaintId} unless a note with its id is there:
     * a redelivery changes nothing. A note may arrive before the account it belongs to; it is shown
     * once the account has arrived.
     */
    void addNote(String complaintId, ReporterAccount.Note note);

    /** The accounts of these complaints that have arrived, oldest registration first. */
    List<ReporterAccount> of(Collection<String> complaintIds);

    /** The monitor triggers (在线监测) among these complaints' accounts, by complaint id; people's reports left out. */
    default Map<String, ReporterAccount.Monitor> monitorsOf(Collection<String> complaintIds) {
        Map<String, ReporterAccount.Monitor> out = new HashMap<>();
        of(complaintIds).stream().filter(a -> a.monitor() != null).forEach(a -> out.put(a.complaintId(), a.monitor()));
        return out;
    }
}
