package cn.luoyang.pollution.complaint.open311.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.complaint.config.ComplaintProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** The published demo Open311 key opens intake under the demo profile only; a real system's own key anywhere. */
class DemoApiKeyTest {

    private final Open311Configuration configuration = new Open311Configuration();

    @Test
    void theDemoKeyOutsideTheDemoProfileStopsTheService() {
        assertThatThrownBy(() -> configuration.open311Settings(keys(Map.of("fixmystreet", "demo-open311-key")), environment("production")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo Open311 api_key");
    }

    @Test
    void theDemoKeyUnderTheDemoProfileAndASystemsOwnKeyAnywhereAreTaken() {
        assertThat(configuration.open311Settings(keys(Map.of("demo", "demo-open311-key")), environment("demo")).apiKeys())
                .containsEntry("demo", "demo-open311-key");
        assertThat(configuration.open311Settings(keys(Map.of("fixmystreet", "k-7f3a9c")), environment("production")).apiKeys())
                .containsOnlyKeys("fixmystreet");
        assertThat(configuration.open311Settings(keys(null), environment("production")).apiKeys()).isEmpty();
    }

    private static ComplaintProperties keys(Map<String, String> apiKeys) {
        return new ComplaintProperties(null, null, null, null, null, new ComplaintProperties.Open311("ly.gov.cn", apiKeys, 1000));
    }

    /** Always names its profiles: with none, Spring falls back to spring.profiles.active, which the build sets to demo. */
    private static StandardEnvironment environment(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        return environment;
    }
}
