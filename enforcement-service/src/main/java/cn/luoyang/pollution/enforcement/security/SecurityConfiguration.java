package cn.luoyang.pollution.enforcement.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.kit.security.AccessTable;
import cn.luoyang.pollution.kit.security.PlatformSecurity;
import cn.luoyang.pollution.kit.security.Roles;
import cn.luoyang.pollution.kit.security.SignedInArgument;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call the handler API ({@code /api/**}): the platform's security model
 * (service-kit's {@code kit.security}) with this service's access table. Every officer role reaches
 * the case API, the supervision list only the offices above the units; which case a person may see or
 * act on is decided in the application layer ({@code CaseAccess}), not here. The web console has its own filter chain ({@code ConsoleSecurity}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    AccessTable accessTable() {
        return AccessTable.forPaths("/api/**")
                .open(POST, "/api/public/rewards/claim")
                .allow(GET, "/api/supervision", Roles.CAMPAIGN_OFFICE, Roles.SUPERVISOR, Roles.DISCIPLINE, Roles.ADMIN)
                .allow(GET, "/api/reinspections", Roles.OFFICERS)
                .allow(GET, "/api/me", Roles.OFFICERS)
                .allow(GET, "/api/statistics/weekly", Roles.OFFICERS)
                .allow(GET, "/api/statistics/weekly.csv", Roles.OFFICERS)
                .allow(GET, "/api/statistics/trend", Roles.OFFICERS)
                .allow(GET, "/api/statistics/monthly", Roles.CAMPAIGN_OFFICE, Roles.SUPERVISOR, Roles.DISCIPLINE, Roles.ADMIN)
                .allow(GET, "/api/statistics/monthly.csv", Roles.CAMPAIGN_OFFICE, Roles.SUPERVISOR, Roles.DISCIPLINE, Roles.ADMIN)
                .allow(GET, "/api/cases/inbox", Roles.OFFICERS)
                .allow(GET, "/api/cases/*", Roles.OFFICERS)
                .allow(GET, "/api/cases/*/reports", Roles.OFFICERS)
                .allow(GET, "/api/cases/*/evidence", Roles.OFFICERS)
                .allow(GET, "/api/cases/*/evidence/*", Roles.OFFICERS)
                .allow(POST, "/api/cases/*/*", Roles.OFFICERS)
                .allow(GET, "/api/rewards", Roles.CAMPAIGN_OFFICE, Roles.ADMIN)
                .allow(GET, "/api/rewards/*", Roles.CAMPAIGN_OFFICE, Roles.ADMIN)
                .allow(POST, "/api/rewards/*/*", Roles.CAMPAIGN_OFFICE, Roles.ADMIN);
    }

    @Bean
    Officers officers(PlatformSecurity security) {
        return new Officers(security);
    }

    /** Lets controllers (API and console) take the signed-in {@link Officer} as a parameter. */
    @Bean
    WebMvcConfigurer officerArgument(Officers officers) {
        return SignedInArgument.of(Officer.class, (auth, request) -> officers.of(auth));
    }
}
