package cn.luoyang.pollution.complaint.open311.web;

import cn.luoyang.pollution.complaint.config.ComplaintProperties;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.kit.security.DemoCredentials;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Open311 adapter's parts and its configuration ({@code complaints.open311.*}). */
@Configuration(proxyBeanMethods = false)
class Open311Configuration {

    /** The key the README and the demo use: published, so never a real system's. */
    static final String DEMO_API_KEY = "demo-open311-key";

    @Bean
    Open311Catalogue open311Catalogue(Catalogue catalogue) {
        return new Open311Catalogue(catalogue);
    }

    @Bean
    Open311Requests open311Requests(MongoComplaints complaints, Catalogue catalogue, ComplaintProperties p) {
        return new Open311Requests(complaints, catalogue, p.open311().maxResults());
    }

    @Bean
    Open311Updates open311Updates(MongoComplaints complaints, Catalogue catalogue, ComplaintProperties p) {
        return new Open311Updates(complaints, catalogue, p.open311().maxResults());
    }

    @Bean
    Open311Settings open311Settings(ComplaintProperties p, Environment environment) {
        Map<String, String> keys = p.open311().apiKeys() == null ? Map.of() : p.open311().apiKeys();
        if (!environment.acceptsProfiles(Profiles.of(DemoCredentials.DEMO_PROFILE)) && keys.containsValue(DEMO_API_KEY)) {
            throw new IllegalStateException("the published demo Open311 api_key is configured outside the demo profile: "
                    + "give each calling system its own key (complaints.open311.api-keys), or start with spring.profiles.active=demo");
        }
        return new Open311Settings(keys, p.open311().jurisdictionId());
    }
}
