package cn.luoyang.pollution.testing.security;

import cn.luoyang.pollution.testing.security.AccessCheck.Row;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Actuator lives on the service's management port and nowhere else: there health (with its liveness
 * and readiness groups), info and prometheus answer 200 without credentials, and every other actuator
 * endpoint is refused, whoever asks; on the public port {@code /actuator/**} is a 404, whoever asks.
 */
public final class ActuatorCheck {

    private static final List<String> OPEN = List.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/actuator/info", "/actuator/prometheus");
    private static final List<String> REFUSED = List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump",
            "/actuator/metrics", "/actuator/configprops", "/actuator/loggers", "/api/anything");

    private ActuatorCheck() {
    }

    /** Every answer that breaks the rule; empty when the service keeps it. */
    public static List<String> violations(int publicPort, int managementPort) {
        List<String> found = new ArrayList<>();
        AccessCheck main = new AccessCheck(publicPort);
        AccessCheck management = new AccessCheck(managementPort);
        String[] admin = AccessCheck.USERS.get("ADMIN");
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/env", "/actuator/prometheus")) {
            for (String[] credentials : new String[][] {null, admin}) {
                expect(found, "public port GET " + path, main.call(Row.open("GET", path), credentials), 404);
            }
        }
        for (String path : OPEN) {
            expect(found, "management port GET " + path, management.call(Row.open("GET", path), null), 200);
        }
        for (String path : REFUSED) {
            for (String[] credentials : new String[][] {null, admin}) {
                HttpResponse<String> answer = management.call(Row.open("GET", path), credentials);
                if (answer.statusCode() != 401 && answer.statusCode() != 403) {
                    found.add("management port GET " + path + (credentials == null ? "" : " as ADMIN") + ": "
                            + answer.statusCode() + ", expected a refusal");
                }
            }
        }
        HttpResponse<String> shutdown = management.call(Row.open("POST", "/actuator/shutdown"), admin);
        if (shutdown.statusCode() != 401 && shutdown.statusCode() != 403) {
            found.add("management port POST /actuator/shutdown as ADMIN: " + shutdown.statusCode());
        }
        return found;
    }

    private static void expect(List<String> found, String what, HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            found.add(what + ": " + answer.statusCode() + ", expected " + status);
        }
    }
}
