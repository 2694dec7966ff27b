package cn.luoyang.pollution.systemtests.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A filed complaint's case worked to the end by the demo handler of its lead unit, as a city
 * officer would in enforcement-service: wait until dispatch has decided and the case is open, accept
 * it (受理), ask to close it (申请办结) with a resolution, and have the city supervisor approve the
 * closure (办结审核: a second person). Usually the case is the complaint's own; if dispatch
 * merged the complaint into an open case, that case is worked instead.
 */
public final class CaseWalk {

    /**
     * What the handler API answered; {@code closed} is the closure request's answer when that was
     * refused, else the verifier's approval; null when the accept was refused.
     */
    public record Outcome(String caseId, JsonHttp.Answer accepted, JsonHttp.Answer closed) {

        public boolean acceptRefused() {
            return closed == null;
        }
    }

    private CaseWalk() {
    }

    /**
     * Accepts and closes the case of {@code complaintId}; waits up to {@code step} for each of
     * dispatch and the case's arrival in enforcement-service.
     *
     * @throws IllegalStateException when either wait runs out, or no demo handler works the lead unit
     */
    public static Outcome acceptAndClose(SystemUnderTest system, String complaintId, String resolution, Duration step) {
        Ledger ledger = system.ledger();
        await(step, () -> ledger.caseOf(complaintId).isPresent(), "dispatch of " + complaintId);
        String caseId = ledger.caseOf(complaintId).orElseThrow();
        String unit = Handlers.unitOf(ledger.caseDispatched(caseId).orElseThrow());
        CaseApi handler = new CaseApi(system,
                Handlers.userFor(unit).orElseThrow(() -> new IllegalStateException("no demo handler for unit " + unit)));
        await(step, () -> handler.get(caseId).status() == 200, "case " + caseId + " opened");
        JsonHttp.Answer accepted = handler.accept(caseId);
        if (accepted.status() >= 300) {
            return new Outcome(caseId, accepted, null);
        }
        JsonHttp.Answer requested = handler.close(caseId, resolution);
        if (requested.status() >= 300) {
            return new Outcome(caseId, accepted, requested);
        }
        CaseApi verifier = new CaseApi(system, Handlers.CLOSURE_VERIFIER);
        return new Outcome(caseId, accepted, verifier.approveClosure(caseId));
    }

    private static void await(Duration step, BooleanSupplier condition, String what) {
        if (!Ledger.within(step, condition)) {
            throw new IllegalStateException("timed out after " + step.toSeconds() + " s waiting for " + what);
        }
    }
}
