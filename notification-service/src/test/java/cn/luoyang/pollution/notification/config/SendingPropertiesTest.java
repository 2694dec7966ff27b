package cn.luoyang.pollution.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The sending loop's settings live under {@code notification.sending.*}; the former {@code notification.dispatch.*} keys still count. */
class SendingPropertiesTest {

    @Test
    void theSendingKeysSetTheSendingLoop() {
        NotificationProperties p = bind(new MapPropertySource("yaml",
                Map.of("notification.sending.retry-max", "30s", "notification.sending.workers", "2")));

        assertThat(p.getSending().getRetryMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.getSending().getWorkers()).isEqualTo(2);
    }

    @Test
    void theFormerDispatchKeysAndTheirEnvironmentVariablesStillCount() {
        NotificationProperties p = bind(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("NOTIFICATION_DISPATCH_RETRYMAX", "30s", "NOTIFICATION_DISPATCH_POLLINTERVAL", "100ms")));

        assertThat(p.getSending().getRetryMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.getSending().getPollInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aSendingKeyWinsOverTheSameFormerDispatchKey() {
        NotificationProperties p = bind(new MapPropertySource("yaml",
                Map.of("notification.dispatch.retry-max", "1m", "notification.sending.retry-max", "30s",
                        "notification.dispatch.batch", "20")));

        assertThat(p.getSending().getRetryMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.getSending().getBatch()).isEqualTo(20);
    }

    private static NotificationProperties bind(PropertySource<?> source) {
        NotificationProperties properties = new NotificationProperties();
        new Binder(ConfigurationPropertySources.from(source)).bind("notification", Bindable.ofInstance(properties));
        return properties;
    }
}
