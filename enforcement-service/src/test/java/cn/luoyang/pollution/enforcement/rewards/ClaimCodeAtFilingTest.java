package cn.luoyang.pollution.enforcement.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.complaint.ClaimCodeHash;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A claim opened with the hash of the code given at filing is proved by that code, and by no SMS-style code. */
class ClaimCodeAtFilingTest {

    private static final RewardRule RULE = new RewardRule("*", Severity.PENALTY, new BigDecimal("200"), new BigDecimal("1000"),
            "CAMPAIGN_OFFICE");

    private static RewardClaim claim(String codeHash) {
        return RewardClaim.open("cmp-1", "CASE-1", "LY-1", "AIR_CONSTRUCTION_DUST", "410305", Severity.PENALTY, RULE, codeHash,
                Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void theFilingsCodeProvesAClaimOpenedWithItsHash() {
        RewardClaim claim = claim(ClaimCodeHash.of("048213907766", new SecureRandom()));

        assertThat(claim.codeGivenAtFiling()).isTrue();
        assertThat(ClaimCodes.matches(claim, "048213907766")).isTrue();
        assertThat(ClaimCodes.matches(claim, "048213907767")).isFalse();
        assertThat(ClaimCodes.matches(claim, null)).isFalse();
    }

    @Test
    void aClaimOpenedWithTheSmsCodesHashIsNotOneGivenAtFilingAndKeepsItsCheck() {
        ClaimCodes codes = new ClaimCodes("a-secret-of-sixteen-chars");
        String code = codes.codeFor("cmp-1");
        RewardClaim claim = claim(ClaimCodes.hash("cmp-1", code));

        assertThat(claim.codeGivenAtFiling()).isFalse();
        assertThat(ClaimCodes.matches(claim, code)).isTrue();
        assertThat(ClaimCodes.matches(claim, "048213907766")).isFalse();
    }
}
