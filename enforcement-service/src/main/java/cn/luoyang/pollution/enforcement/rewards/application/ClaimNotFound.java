package cn.luoyang.pollution.enforcement.rewards.application;

/** No claim with that id: 404. */
public class ClaimNotFound extends RuntimeException {

    public ClaimNotFound(String claimId) {
        super("no reward claim " + claimId);
    }
}
