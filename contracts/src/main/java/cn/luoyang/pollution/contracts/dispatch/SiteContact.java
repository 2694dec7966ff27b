package cn.luoyang.pollution.contracts.dispatch;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;

/**
 * The site's responsible person (责任人) to be told by SMS that its online monitor opened a case: who, their
 * mobile sealed for notification-service (the registry keeps no other form it could publish) and masked, and what
 * the monitor found. Only on the {@link CaseDispatched} that opens a case from an online monitor whose registered
 * source names a mobile.
 *
 * @param siteName     the registered source's name (台账)
 * @param person       the responsible person's name
 * @param sealedMobile the mobile number sealed with the reporter-contact public key (HPKE, base64)
 * @param maskedMobile {@code 138****1234}
 * @param mn           the monitor's MN
 * @param faultKind    over the limit (超标) or silent (离线)
 * @param factor       the HJ 212 factor code over the limit; null for {@code OFFLINE}
 */
public record SiteContact(String siteName, String person, String sealedMobile, String maskedMobile, String mn,
        FaultKind faultKind, String factor) {

    @Override
    public String toString() {
        return "SiteContact[" + siteName + ", " + person + ", " + maskedMobile + ", " + mn + ", " + faultKind + "]";
    }
}
