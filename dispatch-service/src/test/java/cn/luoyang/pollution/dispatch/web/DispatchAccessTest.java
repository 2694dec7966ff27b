package cn.luoyang.pollution.dispatch.web;

import static cn.luoyang.pollution.testing.security.AccessCheck.Row.only;
import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.dispatch.support.Http;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.security.AccessCheck;
import cn.luoyang.pollution.testing.security.ActuatorCheck;
import cn.luoyang.pollution.testing.security.AccessCheck.Row;
import cn.luoyang.pollution.testing.security.EndpointCoverage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Who may call dispatch-service, endpoint by endpoint, walked as anonymous and as every role; and the
 * author of a change is the signed-in person, never what the body says.
 */
@ServiceTest
class DispatchAccessTest {

    private static final String[] OFFICERS = {"HANDLER", "GRID_MEMBER", "CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE", "ADMIN"};
    private static final String[] OFFICE = {"CAMPAIGN_OFFICE", "ADMIN"};
    private static final String[] OFFICE_OR_CONSOLE = {"CAMPAIGN_OFFICE", "ADMIN", "SERVICE"};
    private static final String[] OFFICERS_OR_CONSOLE = {"HANDLER", "GRID_MEMBER", "CAMPAIGN_OFFICE", "SUPERVISOR", "DISCIPLINE",
            "ADMIN", "SERVICE"};

    /** Who owns each endpoint, as the issue states it: routing for the campaign office, reads for officers. */
    static final List<Row> OWNERS = List.of(
            only("GET", "/dispatch/unmapped", "NOBODY"),
            only("GET", "/dispatch/queue", OFFICE_OR_CONSOLE),
            only("POST", "/dispatch/queue/none/assign", OFFICE_OR_CONSOLE),
            only("GET", "/dispatch/arbitrations", OFFICE_OR_CONSOLE),
            only("POST", "/dispatch/arbitrations/none/decide", OFFICE_OR_CONSOLE),
            only("PUT", "/dispatch/rules", OFFICE),
            only("PUT", "/dispatch/rules/none", OFFICE),
            only("DELETE", "/dispatch/rules/none", OFFICE),
            only("POST", "/dispatch/rules/check", OFFICE),
            only("PUT", "/dispatch/alert-level", OFFICE),
            only("POST", "/dispatch/sources", OFFICE),
            only("POST", "/dispatch/sources/import", OFFICE),
            only("PUT", "/dispatch/sources/none", OFFICE),
            only("DELETE", "/dispatch/sources/none", OFFICE),
            only("PUT", "/dispatch/grids/roster", OFFICE),
            only("PUT", "/dispatch/grids/none/team", OFFICE),
            only("DELETE", "/dispatch/grids/none/team", OFFICE),
            only("GET", "/dispatch/grids/roster", OFFICERS),
            only("GET", "/dispatch/grids/none/team", OFFICERS),
            only("GET", "/dispatch/campaigns", OFFICERS),
            only("GET", "/dispatch/rules", OFFICERS),
            only("GET", "/dispatch/rules/versions", OFFICERS),
            only("GET", "/dispatch/rules/versions/1", OFFICERS),
            only("GET", "/dispatch/alert-level", OFFICERS),
            only("GET", "/dispatch/monitors", OFFICERS_OR_CONSOLE),
            only("GET", "/dispatch/sources", OFFICERS),
            only("GET", "/dispatch/sources/none", OFFICERS),
            only("GET", "/dispatch/territory?longitude=112.4&latitude=34.6", OFFICERS),
            only("GET", "/dispatch/territory/districts", OFFICERS),
            only("GET", "/dispatch/territory/grids/none", OFFICERS),
            only("GET", "/dispatch/territory/grids/none/outline", OFFICERS_OR_CONSOLE),
            only("POST", "/dispatch/explain", OFFICERS),
            only("GET", "/dispatch/decisions/none", OFFICERS),
            only("GET", "/dispatch/cases/none", OFFICERS));

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @LocalManagementPort
    int managementPort;

    @Test
    void actuatorAnswersOnItsOwnPortOnly() {
        assertThat(ActuatorCheck.violations(port, managementPort)).isEmpty();
    }

    @Test
    void everyEndpointAnswersOnlyItsOwners() {
        assertThat(new AccessCheck(port).violations(OWNERS)).isEmpty();
    }

    @Test
    void everyEndpointTheServiceMapsHasAnOwnerInThisTest() {
        assertThat(EndpointCoverage.unowned(context, OWNERS, "/error")).isEmpty();
    }

    @Test
    void aRuleChangeIsSignedByTheSignedInPersonNotByTheBody() {
        Http admin = new Http(port, AccessCheck.basicFor("ADMIN"));
        String table = admin.get("/dispatch/rules").body().toString()
                .replaceFirst("\"changedBy\":\"[^\"]*\"", "\"changedBy\":\"somebody-else\"");

        Http.Response saved = admin.put("/dispatch/rules", table);

        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
        assertThat(saved.body().path("changedBy").asString()).isEqualTo("admin");
    }
}
