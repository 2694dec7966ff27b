package cn.luoyang.pollution.enforcement.rewards;

import cn.luoyang.pollution.contracts.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where reward claims are kept ({@code _id} = complaint id). */
public interface RewardClaims {

    /** Keeps the claim unless one for its complaint exists; returns the claim kept (the earlier one if any). */
    RewardClaim openOnce(RewardClaim claim);

    Optional<RewardClaim> find(String claimId);

    /** Claims in this state (all when null), oldest first. */
    List<RewardClaim> list(ClaimState state);

    /** The claim of the complaint with this tracking number (查询码), if one was opened. */
    Optional<RewardClaim> byTrackingNumber(String trackingNumber);

    /**
     * Stores a decision together with the events announcing it, in one write: they wait in the claim's
     * outbox until the relay has published them, so a crash in between loses none.
     *
     * @throws ClaimDecided when the claim changed since {@code claim.version()} was read
     */
    void save(RewardClaim claim, List<? extends Event> announcements);

    /** Notes a wrong claim code given for the claim at {@code at}; returns how many were given since {@code since}. */
    int wrongCode(String claimId, Instant at, Instant since);

    /** How many wrong claim codes were given for the claim since {@code since}. */
    int wrongCodesSince(String claimId, Instant since);
}
