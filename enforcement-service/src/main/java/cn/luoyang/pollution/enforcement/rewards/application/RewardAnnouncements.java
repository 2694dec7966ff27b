package cn.luoyang.pollution.enforcement.rewards.application;

import cn.luoyang.pollution.contracts.rewards.RewardClaimOpened;

/**
 * Tells notification-service (on {@code cases.lifecycle}) that a claim opened; a failure throws, so the
 * closure's delivery is retried and the claim announced again. The opening goes out directly, not
 * through the claim's outbox, because it carries the claim code, which is never stored; decisions go
 * through the outbox ({@link RewardDesk}).
 */
public interface RewardAnnouncements {

    void opened(RewardClaimOpened event);
}
