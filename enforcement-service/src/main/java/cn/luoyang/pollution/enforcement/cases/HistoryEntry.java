package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One signed line of a case's record (画押): who did what, in which role and unit, when, with
 * which evidence. Each entry carries the hash of the one before, so a changed or removed line
 * breaks the chain ({@link History#verify()}).
 */
public record HistoryEntry(
        int seq,
        String action,
        CaseState fromState,
        CaseState toState,
        Actor actor,
        Instant at,
        List<String> evidence,
        String note,
        String eventId,
        String previousHash,
        String hash) {

    public HistoryEntry {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    static HistoryEntry sign(int seq, String action, CaseState from, CaseState to, Actor actor, Instant at,
            List<String> evidence, String note, String eventId, String previousHash) {
        String hash = hashOf(seq, action, from, to, actor, at, evidence, note, eventId, previousHash);
        return new HistoryEntry(seq, action, from, to, actor, at, evidence, note, eventId, previousHash, hash);
    }

    /** True for the {@code REOPENED} entry of a reopening with this cause (REINSPECTION, SUPERVISOR, …). */
    public boolean reopenedFor(String cause) {
        return "REOPENED".equals(action) && note != null && note.startsWith(cause + ":");
    }

    boolean hashIsIntact() {
        return hash.equals(hashOf(seq, action, fromState, toState, actor, at, evidence, note, eventId, previousHash));
    }

    private static String hashOf(int seq, String action, CaseState from, CaseState to, Actor actor, Instant at,
            List<String> evidence, String note, String eventId, String previousHash) {
        String text = String.join("|", String.valueOf(seq), action, String.valueOf(from), String.valueOf(to),
                actor.userId(), actor.role(), actor.unit(), at.toString(), String.join(",", evidence == null ? List.of() : evidence),
                String.valueOf(note), String.valueOf(eventId), String.valueOf(previousHash));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
