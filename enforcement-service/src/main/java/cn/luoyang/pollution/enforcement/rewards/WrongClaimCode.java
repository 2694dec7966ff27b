package cn.luoyang.pollution.enforcement.rewards;

/**
 * The tracking number and claim code given do not prove a claim: the code is wrong, or no claim has
 * that tracking number (the two are answered alike, so the answer reveals nothing): 403.
 */
public class WrongClaimCode extends RuntimeException {

    public WrongClaimCode() {
        super("no reward claim matches this tracking number and claim code");
    }
}
