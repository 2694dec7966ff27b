package cn.luoyang.pollution.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Only a platform service account may name the person it acts for; anyone else signs as themselves. */
class CallersTest {

    @Test
    void aServiceAccountActingForAPersonSignsWithThePersonsNameAndKeepsItsOwn() {
        Caller caller = Callers.of(signedIn("svc-console", Roles.SERVICE), onBehalfOf("campaign"));

        assertThat(caller.name()).isEqualTo("campaign");
        assertThat(caller.via()).isEqualTo("svc-console");
        assertThat(caller.has(Roles.SERVICE)).isTrue();
    }

    @Test
    void aPersonNamingSomebodyElseStillSignsAsThemselves() {
        Caller caller = Callers.of(signedIn("cg-jianxi", Roles.HANDLER), onBehalfOf("campaign"));

        assertThat(caller.name()).isEqualTo("cg-jianxi");
        assertThat(caller.via()).isNull();
        assertThat(caller.roles()).containsExactly(Roles.HANDLER);
    }

    @Test
    void aServiceAccountNamingNobodySignsAsItself() {
        Caller caller = Callers.of(signedIn("svc-console", Roles.SERVICE), onBehalfOf("  "));

        assertThat(caller.name()).isEqualTo("svc-console");
        assertThat(caller.via()).isNull();
    }

    private static UsernamePasswordAuthenticationToken signedIn(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    private static MockHttpServletRequest onBehalfOf(String person) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(Callers.ON_BEHALF_OF, person);
        return request;
    }
}
