package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case's closure requests under 办结审核, and the rules {@link Case#requestClosure} and
 * {@link Case#decideClosure} apply: what a proposal must cite, the outcome it gets when it names none, at
 * most one waiting at a time, and who may not decide it (everyone who signed the handling on the
 * timeline, the signer of the cited inspection record, the uploader of a cited file). Works on the case's
 * list of {@link ClosureRequest}s, which the case keeps and the store saves.
 */
final class ClosureReview {

    private static final Set<String> HANDLING_ACTIONS = Set.of("ACCEPTED", "INSPECTION_STARTED", "FOUND_UNFOUNDED",
            "RECTIFICATION_ORDERED", "RECTIFIED", "VERIFIED", "PENALIZED", "CLOSURE_REQUESTED",
            "RECTIFICATION_CHECK_PASSED", "RECTIFICATION_CHECK_FAILED");

    private final List<ClosureRequest> requests;

    ClosureReview(List<ClosureRequest> requests) {
        this.requests = requests;
    }

    Optional<ClosureRequest> pending() {
        return requests.stream().filter(ClosureRequest::pending).findFirst();
    }

    void propose(ClosureProposal proposal) {
        requests.add(ClosureRequest.proposed(proposal));
    }

    /**
     * The waiting proposal, once {@code verifier} may decide it as asked: a second person, a rejection with a
     * reason, an approval of a proposal that cites evidence (one stored before evidence was required goes back).
     */
    ClosureProposal decidable(Actor verifier, boolean approve, String note, List<HistoryEntry> history, String caseId) {
        ClosureProposal proposal = pending()
                .orElseThrow(() -> new CaseRuleViolation("no closure request is waiting on case " + caseId)).proposal();
        if (handlers(history).contains(verifier.userId())) {
            throw new CaseRuleViolation(verifier.userId() + " handled case " + caseId + " and cannot verify its closure");
        }
        if (proposal.cited().people().contains(verifier.userId())) {
            throw new CaseRuleViolation(verifier.userId() + " signed or supplied the evidence of case " + caseId
                    + " and cannot verify its closure");
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new CaseRuleViolation("rejecting a closure needs a reason");
        }
        if (approve && proposal.cited().citesNothing()) {
            throw new EvidenceRequired("evidence", "closing needs evidence: a file uploaded to this case or an inspection record");
        }
        return proposal;
    }

    /** The waiting request, decided. */
    void decide(Decision decision) {
        ClosureRequest waiting = pending().orElseThrow();
        requests.set(requests.indexOf(waiting), waiting.decided(decision));
    }

    /** True when {@code userId} signed the handling or the waiting proposal's evidence, so may not decide it. */
    boolean excludes(String userId, List<HistoryEntry> history) {
        return handlers(history).contains(userId)
                || pending().map(r -> r.proposal().cited().people().contains(userId)).orElse(false);
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
