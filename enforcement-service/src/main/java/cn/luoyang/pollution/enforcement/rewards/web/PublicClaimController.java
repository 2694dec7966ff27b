package cn.luoyang.pollution.enforcement.rewards.web;

import cn.luoyang.pollution.enforcement.rewards.ClaimState;
import cn.luoyang.pollution.enforcement.rewards.RewardClaim;
import cn.luoyang.pollution.enforcement.rewards.application.RewardDesk;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/public/rewards/claim} (凭码领奖), open to anyone: the reporter, named or anonymous,
 * gives the tracking number (查询码) and the claim code (领奖码) of the SMS, or the one the filing's answer showed a
 * reporter who left no phone, and sees the claim: its
 * state, the amount approved, the reason of a refusal, when it was paid, and how to collect. Nothing
 * in the answer or the request names the reporter; the campaign office pays whoever holds the code.
 * A wrong code or unknown number: 403; too many wrong codes for the claim, or too many requests from
 * the client: 429 with {@code Retry-After}.
 */
@RestController
class PublicClaimController {

    private final RewardDesk desk;
    private final ClientLimit limit;

    PublicClaimController(RewardDesk desk, ClientLimit limit) {
        this.desk = desk;
        this.limit = limit;
    }

    record ClaimRequest(@NotBlank @Size(max = 40) String trackingNumber,
            @NotBlank @Pattern(regexp = "\\d{4}[ -]?\\d{4}([ -]?\\d{4})?",
                    message = "must be the 8 digits of the SMS or the 12 given at filing")
            String claimCode) {

        /** The digits alone: a code may be typed in groups of four, with spaces or hyphens. */
        String digits() {
            return claimCode.replaceAll("[ -]", "");
        }
    }

    /** What the holder of the code sees: no ids of people, no code, no hash. */
    record PublicClaim(String trackingNumber, ClaimState state, BigDecimal maxYuan, BigDecimal amountYuan,
            String refusalReason, Instant decidedAt, Instant paidAt, String collect) {

        static PublicClaim of(RewardClaim c) {
            String collect = switch (c.state()) {
                case OPEN -> c.codeGivenAtFiling()
                        ? "the campaign office is deciding the claim; look here again with the tracking number and the code"
                        : "the campaign office is deciding the claim; you will be told by SMS";
                case APPROVED -> "bring the tracking number and the claim code to the campaign office (攻坚办); no identity document is asked";
                case PAID -> "paid";
                case REFUSED -> "refused; see the reason";
            };
            return new PublicClaim(c.trackingNumber(), c.state(), c.rule().maxYuan(), c.amountYuan(),
                    c.state() == ClaimState.REFUSED ? c.reason() : null, c.decidedAt(), c.paidAt(), collect);
        }
    }

    @PostMapping("/api/public/rewards/claim")
    PublicClaim claim(@Valid @RequestBody ClaimRequest body, HttpServletRequest request) {
        OptionalLong wait = limit.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            throw new TooManyClaims(wait.getAsLong());
        }
        return PublicClaim.of(desk.claimByCode(body.trackingNumber().trim(), body.digits()));
    }

    /** The client asked too often: 429 after {@code seconds}. */
    static final class TooManyClaims extends RuntimeException {

        final long seconds;

        TooManyClaims(long seconds) {
            super("too many claims from this client; try again in " + seconds + " s");
            this.seconds = seconds;
        }
    }
}
