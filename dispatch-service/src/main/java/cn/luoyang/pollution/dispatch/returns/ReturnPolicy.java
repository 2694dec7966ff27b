package cn.luoyang.pollution.dispatch.returns;

/**
 * How many returns (退单) a case may take before the campaign office (攻坚办) arbitrates. Two by
 * default: one wrong dispatch is corrected by the rules; a second dispute is a quarrel between
 * departments (相互打架) that only the campaign office can settle.
 */
public record ReturnPolicy(int maxReturns) {

    public ReturnPolicy {
        if (maxReturns < 1) {
            throw new IllegalArgumentException("maxReturns must be at least 1");
        }
    }

    public boolean needsArbitration(int returns) {
        return returns >= maxReturns;
    }
}
