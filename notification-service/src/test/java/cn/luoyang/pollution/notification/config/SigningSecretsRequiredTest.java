package cn.luoyang.pollution.notification.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service that would take unsigned callbacks, or send unsigned webhooks, does not start. */
class SigningSecretsRequiredTest {

    @Test
    void theHttpGatewayWithoutACallbackSecretRefusesToStart() {
        HttpGatewayProperties properties = new HttpGatewayProperties();

        assertThatThrownBy(() -> new HttpGatewayConfiguration().callbackVerifier(properties, null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("notification.http.callback-secret");
    }

    @Test
    void unitWebhooksWithoutASigningSecretRefuseToStart() {
        UnitProperties properties = new UnitProperties();
        properties.setWebhooks(Map.of("ECOLOGY_ENVIRONMENT", "https://unit.example/hook"));

        assertThatThrownBy(() -> new UnitConfiguration().unitNotices(null, properties, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("notification.units.signing-secret");
    }
}
