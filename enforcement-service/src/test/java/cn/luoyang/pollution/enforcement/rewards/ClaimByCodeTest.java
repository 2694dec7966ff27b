package cn.luoyang.pollution.enforcement.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.enforcement.MongoFixture;
import cn.luoyang.pollution.enforcement.MutableClock;
import cn.luoyang.pollution.enforcement.rewards.application.RewardDesk;
import cn.luoyang.pollution.enforcement.rewards.persistence.MongoRewardClaims;
import cn.luoyang.pollution.enforcement.rewards.web.ClientLimit;
import cn.luoyang.pollution.kit.events.EventCodec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 凭码领奖: a claim is answered to whoever gives its tracking number and claim code; a wrong code and an
 * unknown number are refused alike; the fifth wrong code within the hour locks the claim (counted in
 * its document, so on every replica) until the hour has passed; and one client is limited per minute.
 */
class ClaimByCodeTest {

    private static final RewardRule RULE = new RewardRule("*", Severity.RECTIFICATION, new BigDecimal("50"), new BigDecimal("200"),
            "CAMPAIGN_OFFICE");

    private final MongoFixture mongo = new MongoFixture();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private final ClaimCodes codes = new ClaimCodes("claim-by-code-test-secret");
    private final MongoRewardClaims claims = new MongoRewardClaims(mongo.replica(), new EventCodec());
    private final RewardDesk desk = new RewardDesk(null, null, claims, null, codes, null, id -> { }, clock);
    private final String code = codes.codeFor("cmp-7");

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void theRightCodeShowsTheClaimAWrongCodeOrUnknownNumberIsRefusedAlike() {
        open();
        assertThat(desk.claimByCode("LY-7", code).claimId()).isEqualTo("cmp-7");
        assertThatThrownBy(() -> desk.claimByCode("LY-7", wrong())).isInstanceOf(WrongClaimCode.class)
                .hasMessage("no reward claim matches this tracking number and claim code");
        assertThatThrownBy(() -> desk.claimByCode("LY-unknown", code)).isInstanceOf(WrongClaimCode.class)
                .hasMessage("no reward claim matches this tracking number and claim code");
    }

    @Test
    void theFifthWrongCodeWithinTheHourLocksTheClaimUntilTheHourHasPassed() {
        open();
        for (int i = 0; i < RewardDesk.MAX_WRONG_CODES; i++) {
            assertThatThrownBy(() -> desk.claimByCode("LY-7", wrong())).isInstanceOf(WrongClaimCode.class);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> desk.claimByCode("LY-7", code)).as("locked, even with the right code")
                .isInstanceOf(ClaimLocked.class);
        // a second replica reads the same count
        RewardDesk other = new RewardDesk(null, null, new MongoRewardClaims(mongo.replica(), new EventCodec()), null, codes, null,
                id -> { }, clock);
        assertThatThrownBy(() -> other.claimByCode("LY-7", code)).isInstanceOf(ClaimLocked.class);

        clock.advance(RewardDesk.WRONG_CODE_WINDOW.minusMinutes(RewardDesk.MAX_WRONG_CODES - 1));
        // the first wrong code is now an hour old, the other four are not: open again
        assertThat(desk.claimByCode("LY-7", code).claimId()).isEqualTo("cmp-7");
        assertThatThrownBy(() -> desk.claimByCode("LY-7", wrong())).isInstanceOf(WrongClaimCode.class);
        assertThatThrownBy(() -> desk.claimByCode("LY-7", code)).as("five within the hour again").isInstanceOf(ClaimLocked.class);
    }

    @Test
    void aClientGetsItsAllowancePerMinuteAndThenAWait() {
        ClientLimit limit = new ClientLimit(3);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("10.0.0.1")).isEmpty();
        }
        assertThat(limit.take("10.0.0.1")).isPresent();
        assertThat(limit.take("10.0.0.1").getAsLong()).as("seconds to wait").isBetween(1L, 60L);
        assertThat(limit.take("10.0.0.2")).as("another client has its own bucket").isEmpty();
    }

    private void open() {
        claims.openOnce(RewardClaim.open("cmp-7", "CASE-7", "LY-7", "AIR_CONSTRUCTION_DUST", "410305", Severity.RECTIFICATION, RULE,
                ClaimCodes.hash("cmp-7", code), clock.instant()));
    }

    private String wrong() {
        return code.equals("00000000") ? "00000001" : "00000000";
    }
}
