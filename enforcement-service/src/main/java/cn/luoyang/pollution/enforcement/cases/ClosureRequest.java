package cn.luoyang.pollution.enforcement.cases;

/**
 * 办结审核: the lead unit's {@link ClosureProposal} waiting for a second person's {@link Decision}
 * (null while it waits).
 */
public record ClosureRequest(ClosureProposal proposal, Decision decision) {

    static ClosureRequest proposed(ClosureProposal proposal) {
        return new ClosureRequest(proposal, null);
    }

    public boolean pending() {
        return decision == null;
    }

    public boolean approved() {
        return decision != null && decision.approved();
    }

    ClosureRequest decided(Decision decided) {
        return new ClosureRequest(proposal, decided);
    }
}
