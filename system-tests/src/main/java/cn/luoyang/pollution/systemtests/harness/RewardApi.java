package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.deploy.runtime.Component;
import java.math.BigDecimal;
import java.util.Map;

/**
 * enforcement-service's reward desk (有奖举报), as the campaign office with a bearer token from the
 * runtime's identity provider, and the public claim (凭码领奖) with no credentials at all.
 */
public final class RewardApi {

    private final JsonHttp office;
    private final JsonHttp anyone;

    public RewardApi(SystemUnderTest system, String user) {
        this.office = new JsonHttp(system.url(Component.ENFORCEMENT))
                .withAuthorization(() -> system.tokens().bearer(user, Handlers.PASSWORD));
        this.anyone = new JsonHttp(system.url(Component.ENFORCEMENT));
    }

    /** The claims in this state (OPEN, APPROVED, REFUSED, PAID). */
    public JsonHttp.Answer list(String state) {
        return office.get("/api/rewards?state=" + state);
    }

    public JsonHttp.Answer get(String claimId) {
        return office.get("/api/rewards/" + claimId);
    }

    /** 批准 an amount within the claim's rule. */
    public JsonHttp.Answer approve(String claimId, BigDecimal amountYuan, String note) {
        return office.method("POST", "/api/rewards/" + claimId + "/approval", Map.of("amountYuan", amountYuan, "note", note));
    }

    /** 已发放, with the payment's reference. */
    public JsonHttp.Answer markPaid(String claimId, String reference) {
        return office.method("POST", "/api/rewards/" + claimId + "/payment", Map.of("reference", reference));
    }

    /** 凭码领奖: the reporter's tracking number and the claim code of the SMS, signed in as nobody. */
    public JsonHttp.Answer claim(String trackingNumber, String claimCode) {
        return anyone.method("POST", "/api/public/rewards/claim", Map.of("trackingNumber", trackingNumber, "claimCode", claimCode));
    }
}
