package cn.luoyang.pollution.enforcement.rewards;

import java.util.List;
import java.util.Optional;

/** Where reward claims are kept ({@code _id} = complaint id). */
public interface RewardClaims {

    /** Keeps the claim unless one for its complaint exists; returns the claim kept (the earlier one if any). */
    RewardClaim openOnce(RewardClaim claim);

    Optional<RewardClaim> find(String claimId);

    /** Claims in this state (all when null), oldest first. */
    List<RewardClaim> list(ClaimState state);

    /** @throws ClaimDecided when the claim changed since {@code claim.version()} was read */
    void save(RewardClaim claim);
}
