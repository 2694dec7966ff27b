package cn.luoyang.pollution.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.support.Open311Spec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The oracle Open311Test relies on does fail when a shape is wrong. */
class Open311SpecOracleTest {

    private final Open311Spec spec = new Open311Spec();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aMissingRequiredFieldAMisspeltFieldAndAWrongTypeAreReported() {
        assertThat(spec.violations(json.readTree("[{\"service_code\":\"A\",\"service_name\":\"a\",\"type\":\"realtime\"}]"), "Service", true)).isEmpty();
        assertThat(spec.violations(json.readTree("[{\"service_code\":\"A\",\"service_name\":\"a\"}]"), "Service", true)).isNotEmpty();
        assertThat(spec.violations(json.readTree("[{\"service_code\":\"A\",\"service_name\":\"a\",\"type\":\"realtime\",\"servce_notice\":\"x\"}]"), "Service", true)).isNotEmpty();
        assertThat(spec.violations(json.readTree("[{\"service_code\":\"A\",\"service_name\":\"a\",\"type\":\"daily\"}]"), "Service", true)).isNotEmpty();
        assertThat(spec.violations(json.readTree("{\"service_request_id\":\"1\",\"status\":\"open\",\"service_code\":\"A\","
                + "\"requested_datetime\":\"2026-11-28T08:00:00+08:00\",\"lat\":\"north\"}"), "Request", false)).isNotEmpty();
    }

    @Test
    void anXmlElementNoExampleHasIsReported() {
        assertThat(spec.unknownXmlPaths("<services><service><service_code>A</service_code></service></services>")).isEmpty();
        assertThat(spec.unknownXmlPaths("<services><service><colour>red</colour></service></services>")).containsExactly("services/service/colour");
        assertThat(spec.unknownXmlPaths("<service_requests><item/></service_requests>")).containsExactly("service_requests/item");
    }
}
