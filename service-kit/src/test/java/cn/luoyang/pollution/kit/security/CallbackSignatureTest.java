package cn.luoyang.pollution.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A signed call is accepted only with the same secret, the same body, and a time inside the window. */
class CallbackSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final byte[] BODY = "[{\"bizId\":\"b-1\",\"status\":\"DELIVERED\"}]".getBytes(StandardCharsets.UTF_8);
    private final CallbackSignature provider = new CallbackSignature("shared-secret");

    @Test
    void aCallSignedWithTheSharedSecretInsideTheWindowIsValid() {
        String header = provider.sign(BODY, NOW.minusSeconds(200));

        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(provider.verify(header, BODY, NOW, WINDOW)).isEqualTo(CallbackSignature.Verdict.VALID);
    }

    @Test
    void anotherSecretOrAnAlteredBodyIsAForgery() {
        String forged = new CallbackSignature("guessed").sign(BODY, NOW);
        String signed = provider.sign(BODY, NOW);
        byte[] altered = "[{\"bizId\":\"b-1\",\"status\":\"FAILED\"}]".getBytes(StandardCharsets.UTF_8);

        assertThat(provider.verify(forged, BODY, NOW, WINDOW)).isEqualTo(CallbackSignature.Verdict.FORGED);
        assertThat(provider.verify(signed, altered, NOW, WINDOW)).isEqualTo(CallbackSignature.Verdict.FORGED);
    }

    @Test
    void aSignatureFromOutsideTheWindowIsStaleEvenWhenGenuine() {
        assertThat(provider.verify(provider.sign(BODY, NOW.minusSeconds(301)), BODY, NOW, WINDOW))
                .isEqualTo(CallbackSignature.Verdict.STALE);
        assertThat(provider.verify(provider.sign(BODY, NOW.plusSeconds(301)), BODY, NOW, WINDOW))
                .isEqualTo(CallbackSignature.Verdict.STALE);
    }

    @Test
    void aMissingOrGarbledHeaderIsNamedAsSuch() {
        assertThat(provider.verify(null, BODY, NOW, WINDOW)).isEqualTo(CallbackSignature.Verdict.MISSING);
        assertThat(provider.verify("cb-secret", BODY, NOW, WINDOW)).isEqualTo(CallbackSignature.Verdict.MALFORMED);
        assertThat(provider.verify("t=abc,v1=00", BODY, NOW, WINDOW)).isEqualTo(CallbackSignature.Verdict.MALFORMED);
        assertThat(provider.verify("t=1,v1=zz", BODY, NOW, WINDOW)).isEqualTo(CallbackSignature.Verdict.MALFORMED);
    }

    @Test
    void theDigestNamesOneSignedCall() {
        String header = provider.sign(BODY, NOW);

        assertThat(CallbackSignature.digest(header)).hasSize(64).isEqualTo(header.substring(header.indexOf("v1=") + 3));
    }
}
