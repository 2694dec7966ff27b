package cn.luoyang.pollution.notification.gateway.http.web;

import cn.luoyang.pollution.kit.security.CallbackSignature;
import cn.luoyang.pollution.notification.gateway.http.persistence.SeenCallbacks;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether a provider callback is genuine: signed with the shared secret over its exact body, signed
 * within the window of our clock, and never seen before. Returns why it is refused, or {@code null}.
 */
public class CallbackVerifier {

    private final CallbackSignature signature;
    private final Duration window;
    private final SeenCallbacks seen;
    private final Clock clock;

    public CallbackVerifier(CallbackSignature signature, Duration window, SeenCallbacks seen, Clock clock) {
        this.signature = signature;
        this.window = window;
        this.seen = seen;
        this.clock = clock;
    }

    /** {@code null} when the callback may be taken, otherwise the reason it is refused. */
    String refusal(String header, byte[] body) {
        CallbackSignature.Verdict verdict = signature.verify(header, body, clock.instant(), window);
        if (verdict != CallbackSignature.Verdict.VALID) {
            return "callback-" + verdict.name().toLowerCase(Locale.ROOT);
        }
        return seen.firstTime(CallbackSignature.digest(header), clock.instant()) ? null : "callback-replayed";
    }
}
