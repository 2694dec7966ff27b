package cn.luoyang.pollution.complaint.publicsurface;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.complaint.publicsurface.web.RateLimitFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Each client has its own allowance per surface; over it, a 429 that says when to come back. */
class RateLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RateLimitFilter filter = new RateLimitFilter(Map.of(Surface.INTAKE, 3, Surface.MEDIA, 3, Surface.LOOKUP, 5), new InMemoryBuckets(), meters);

    @Test
    void theFourthReportInAMinuteFromOneClientIsRefusedWithRetryAfter() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        MockHttpServletResponse last = null;
        for (int i = 0; i < 4; i++) {
            last = call("POST", "/api/complaints", "10.0.0.1");
            statuses.add(last.getStatus());
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429);
        assertThat(Long.parseLong(last.getHeader("Retry-After"))).isBetween(1L, 21L);
        assertThat(last.getContentAsString()).contains("\"reason\":\"rate-limited\"");
        assertThat(meters.counter("complaint.rate.limited", "surface", "intake").count()).isEqualTo(1);
    }

    @Test
    void anotherClientAndAnotherSurfaceHaveTheirOwnAllowance() throws Exception {
        for (int i = 0; i < 3; i++) {
            call("POST", "/api/complaints", "10.0.0.2");
        }

        assertThat(call("POST", "/api/complaints", "10.0.0.2").getStatus()).isEqualTo(429);
        assertThat(call("POST", "/api/complaints", "10.0.0.3").getStatus()).isEqualTo(200);
        assertThat(call("POST", "/open311/v2/requests.xml", "10.0.0.2").getStatus()).isEqualTo(429);
        assertThat(call("POST", "/api/media", "10.0.0.2").getStatus()).isEqualTo(200);
        assertThat(call("GET", "/api/complaints/LY20261205-000001", "10.0.0.2").getStatus()).isEqualTo(200);
    }

    @Test
    void pathsOutsideThePublicSurfaceAreNeverLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call("GET", "/open311/v2/services.json", "10.0.0.4").getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse call(String method, String path, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
