package cn.luoyang.pollution.dispatch.web;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.luoyang.pollution.kit.security.AccessTable;
import cn.luoyang.pollution.kit.security.Roles;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call dispatch-service. The city's routing — rules, the pollution-source registry, the alert
 * level, the grid roster — and the campaign office's own decisions (manual queue, arbitration) belong to the campaign
 * office and administrators; the console reaches the queue and arbitration as a {@link Roles#SERVICE}
 * account acting for the signed-in person, and reads the grid outlines and the monitors for its maps. Officers read rules, registry, territory and decisions and
 * ask for explanations. Anything not listed is refused.
 */
@Configuration(proxyBeanMethods = false)
class DispatchAccess {

    private static final String[] OFFICE = {Roles.CAMPAIGN_OFFICE, Roles.ADMIN};
    private static final String[] OFFICE_OR_CONSOLE = {Roles.CAMPAIGN_OFFICE, Roles.ADMIN, Roles.SERVICE};
    /** Reads the console's maps make: grid outlines and the monitors (no people, no contacts in either). */
    private static final List<String> OFFICERS_OR_CONSOLE = Stream.concat(Roles.OFFICERS.stream(), Stream.of(Roles.SERVICE)).toList();

    @Bean
    AccessTable accessTable() {
        return AccessTable.forAllPaths()
                .allow(GET, "/dispatch/queue", OFFICE_OR_CONSOLE)
                .allow(POST, "/dispatch/queue/*/assign", OFFICE_OR_CONSOLE)
                .allow(GET, "/dispatch/arbitrations", OFFICE_OR_CONSOLE)
                .allow(POST, "/dispatch/arbitrations/*/decide", OFFICE_OR_CONSOLE)
                .allow(PUT, "/dispatch/rules", OFFICE)
                .allow(PUT, "/dispatch/rules/*", OFFICE)
                .allow(DELETE, "/dispatch/rules/*", OFFICE)
                .allow(POST, "/dispatch/rules/check", OFFICE)
                .allow(PUT, "/dispatch/alert-level", OFFICE)
                .allow(POST, "/dispatch/sources", OFFICE)
                .allow(POST, "/dispatch/sources/import", OFFICE)
                .allow(PUT, "/dispatch/sources/*", OFFICE)
                .allow(DELETE, "/dispatch/sources/*", OFFICE)
                .allow(PUT, "/dispatch/grids/roster", OFFICE)
                .allow(PUT, "/dispatch/grids/*/team", OFFICE)
                .allow(DELETE, "/dispatch/grids/*/team", OFFICE)
                .allow(GET, "/dispatch/grids/roster", Roles.OFFICERS)
                .allow(GET, "/dispatch/grids/*/team", Roles.OFFICERS)
                .allow(GET, "/dispatch/campaigns", Roles.OFFICERS)
                .allow(GET, "/dispatch/rules", Roles.OFFICERS)
                .allow(GET, "/dispatch/rules/versions", Roles.OFFICERS)
                .allow(GET, "/dispatch/rules/versions/*", Roles.OFFICERS)
                .allow(GET, "/dispatch/alert-level", Roles.OFFICERS)
                .allow(GET, "/dispatch/monitors", OFFICERS_OR_CONSOLE)
                .allow(GET, "/dispatch/sources", Roles.OFFICERS)
                .allow(GET, "/dispatch/sources/*", Roles.OFFICERS)
                .allow(GET, "/dispatch/territory/grids/*/outline", OFFICERS_OR_CONSOLE)
                .allow(GET, "/dispatch/territory", Roles.OFFICERS)
                .allow(GET, "/dispatch/territory/**", Roles.OFFICERS)
                .allow(POST, "/dispatch/explain", Roles.OFFICERS)
                .allow(GET, "/dispatch/decisions/*", Roles.OFFICERS)
                .allow(GET, "/dispatch/cases/*", Roles.OFFICERS);
    }
}
