package cn.luoyang.pollution.enforcement.config;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.rewards.ClaimCodes;
import cn.luoyang.pollution.enforcement.rewards.RewardClaims;
import cn.luoyang.pollution.enforcement.rewards.RewardRule;
import cn.luoyang.pollution.enforcement.rewards.RewardRules;
import cn.luoyang.pollution.enforcement.rewards.application.RewardAnnouncements;
import cn.luoyang.pollution.enforcement.rewards.application.RewardDesk;
import cn.luoyang.pollution.enforcement.rewards.persistence.MongoRewardClaims;
import cn.luoyang.pollution.enforcement.rewards.web.ClientLimit;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxRelay;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** 有奖举报: the validated reward rules (a bad file stops the start), the claim codes, the claims and the desk. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RewardProperties.class)
public class RewardConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RewardConfiguration.class);

    @Bean
    RewardRules rewardRules(RewardProperties properties) {
        List<RewardRule> rules = properties.rules() == null ? List.of() : properties.rules().stream()
                .map(r -> new RewardRule(r.category(), r.severity(), r.minYuan(), r.maxYuan(), r.approver())).toList();
        Catalogue catalogue = Catalogue.defaults();
        return new RewardRules(rules, code -> catalogue.category(code).isPresent());
    }

    @Bean
    ClaimCodes claimCodes(RewardProperties properties) {
        String secret = properties.codeSecret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
            log.warn("enforcement.rewards.code-secret is not set: claim codes use a key made for this start only");
        }
        return new ClaimCodes(secret);
    }

    @Bean
    ClientLimit publicClaimLimit(RewardProperties properties) {
        return new ClientLimit(properties.claimsPerMinuteOrDefault());
    }

    @Bean
    RewardClaims rewardClaims(MongoTemplate mongo, EventCodec codec) {
        return new MongoRewardClaims(mongo, codec);
    }

    /** The service's outbox relay on {@code reward_claims}; {@code Schedules} sweeps it with the cases'. */
    @Bean
    OutboxRelay rewardOutboxRelay(MongoTemplate mongo, Outbox outbox, EventPublisher publisher, Clock clock,
            ClockProperties properties) {
        return new OutboxRelay(mongo, MongoRewardClaims.COLLECTION, outbox, publisher, clock, properties.outbox().lease());
    }

    @Bean
    RewardDesk rewardDesk(Cases cases, ReporterAccounts accounts, RewardClaims claims, RewardRules rules, ClaimCodes codes,
            RewardAnnouncements announcements, @Qualifier("rewardOutboxRelay") OutboxRelay relay, Clock clock) {
        return new RewardDesk(cases, accounts, claims, rules, codes, announcements, relay::publishSoon, clock);
    }
}
