package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of 办结审核 that {@link Case#requestClosure} and {@link Case#decideClosure} apply: what a
 * proposal must cite, the outcome it gets when it names none, and who may not verify it (everyone who
 * signed the handling on the timeline, the signer of the cited inspection record, the uploader of a cited file).
 */
final class ClosureReview {

    private static final Set<String> HANDLING_ACTIONS = Set.of("ACCEPTED", "INSPECTION_STARTED", "FOUND_UNFOUNDED",
            "RECTIFICATION_ORDERED", "RECTIFIED", "VERIFIED", "PENALIZED", "CLOSURE_REQUESTED",
            "RECTIFICATION_CHECK_PASSED", "RECTIFICATION_CHECK_FAILED");

    private ClosureReview() {
    }

    /** Files uploaded to this case, an inspection record with its signer, or both: never nothing. */
    static void requireEvidence(Evidence evidence, String caseId, Instant openedAt, Instant now) {
        if (evidence == null || evidence.citesNothing()) {
            throw new EvidenceRequired("evidence", "closing needs evidence: a file uploaded to this case or an inspection record");
        }
        for (int i = 0; i < evidence.files().size(); i++) {
            if (!caseId.equals(evidence.files().get(i).caseId())) {
                throw new EvidenceRequired("evidence[" + i + "]", "no file uploaded to this case answers to "
                        + evidence.files().get(i).reference());
            }
        }
        if (evidence.inspection() != null) {
            evidence.inspection().requireComplete(openedAt, now);
        }
    }

    /** The outcome of a closure proposed from {@code state} without one. */
    static String defaultOutcome(CaseState state) {
        return switch (state) {
            case UNFOUNDED -> "UNFOUNDED";
            case VERIFIED -> "RECTIFIED";
            case PENALIZED -> "PENALIZED";
            default -> "RESOLVED_ON_SITE";
        };
    }

    /** Refuses a verifier who handled the case or signed or supplied the evidence the proposal cites. */
    static void requireSecondPerson(Actor verifier, List<HistoryEntry> history, ClosureProposal proposal, String caseId) {
        if (handlers(history).contains(verifier.userId())) {
            throw new CaseRuleViolation(verifier.userId() + " handled case " + caseId + " and cannot verify its closure");
        }
        if (proposal.cited().people().contains(verifier.userId())) {
            throw new CaseRuleViolation(verifier.userId() + " signed or supplied the evidence of case " + caseId
                    + " and cannot verify its closure");
        }
    }

    /** True when {@code userId} signed the handling or the pending proposal's evidence (none: {@code pending} null). */
    static boolean excludes(String userId, List<HistoryEntry> history, ClosureRequest pending) {
        return handlers(history).contains(userId)
                || (pending != null && pending.proposal().cited().people().contains(userId));
    }

    /** Everyone who signed the handling of the case: none of them may verify its closure. */
    private static Set<String> handlers(List<HistoryEntry> history) {
        Set<String> signers = new LinkedHashSet<>();
        for (HistoryEntry e : history) {
            if (HANDLING_ACTIONS.contains(e.action())) {
                signers.add(e.actor().userId());
            }
        }
        return signers;
    }
}
