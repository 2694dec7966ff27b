package cn.luoyang.pollution.complaint.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.luoyang.pollution.complaint.publicsurface.Surface;
import cn.luoyang.pollution.complaint.publicsurface.persistence.MongoRateBuckets;
import cn.luoyang.pollution.complaint.publicsurface.web.RateLimitFilter;
import cn.luoyang.pollution.kit.security.AccessTable;
import cn.luoyang.pollution.kit.security.Roles;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * complaint-service is the platform's public face: every endpoint it maps is open to anyone (intake,
 * lookup, media, the contact key, Open311, the API docs) and so is every GET (a mistyped address gets
 * the public 404 page), except the campaign office's release of a complaint's words for the public
 * feed; it is under the platform's security model so that the release needs a signed-in officer,
 * any other write is refused and every answer carries the security
 * headers. The public endpoints' protection is the rate limits per client and the lockout of a
 * tracking number after wrong digits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicSurfaceProperties.class)
class PublicSurfaceConfiguration {

    @Bean
    AccessTable accessTable() {
        return AccessTable.forAllPaths()
                .allow(PUT, "/api/complaints/*/publication", Roles.CAMPAIGN_OFFICE, Roles.ADMIN)
                .open(POST, "/api/complaints", "/api/media", "/track", "/track/rating")
                .open(POST, "/open311/v2/**")
                // every page and read of the public site is public: a mistyped address gets the 404 page
                .open(GET, "/**");
    }

    @Bean
    @ConditionalOnProperty(name = "complaints.public-surface.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<RateLimitFilter> rateLimits(PublicSurfaceProperties properties, MongoTemplate mongo, MeterRegistry meters) {
        PublicSurfaceProperties.RateLimits limits = properties.rateLimits();
        // one bucket per client for all instances; a bucket idle for 10 minutes is full again and may go
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(new RateLimitFilter(Map.of(
                Surface.INTAKE, limits.intakePerMinute(), Surface.MEDIA, limits.mediaPerMinute(),
                Surface.LOOKUP, limits.lookupPerMinute()), new MongoRateBuckets(mongo, Duration.ofMinutes(10)), meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
