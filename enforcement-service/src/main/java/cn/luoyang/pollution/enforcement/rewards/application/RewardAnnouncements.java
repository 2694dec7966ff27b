package cn.luoyang.pollution.enforcement.rewards.application;

import cn.luoyang.pollution.contracts.rewards.RewardClaimDecided;
import cn.luoyang.pollution.contracts.rewards.RewardClaimOpened;

/** Tells notification-service (on {@code cases.lifecycle}); a failure throws, so the caller's delivery is retried. */
public interface RewardAnnouncements {

    void opened(RewardClaimOpened event);

    void decided(RewardClaimDecided event);
}
