package cn.luoyang.pollution.identity;

import cn.luoyang.pollution.identity.clients.RegisteredClients;
import cn.luoyang.pollution.identity.keys.SigningKeyFile;
import cn.luoyang.pollution.identity.people.People;
import cn.luoyang.pollution.identity.tokens.PlatformClaims;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Spring Authorization Server with OIDC, the configured clients, the people as its users, a signing key
 * kept in the data folder, and the platform's claims in every token. Authorizations (codes, refresh
 * tokens) live in memory only: nothing a caller could replay is written to disk, and a restart only
 * means signing in again; access tokens already issued stay valid because the key is kept.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a person who is not signed in yet is sent to the sign-in page, whatever the client's Accept header
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new OrRequestMatcher(new MediaTypeRequestMatcher(MediaType.TEXT_HTML),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/oauth2/authorize"))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService people(People people) {
        return username -> people.find(username)
                .map(person -> User.withUsername(person.username()).password(person.password()).roles(person.role()).build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties identity, People people, Environment environment,
            PasswordEncoder encoder) {
        DemoCredentialsGuard.check(environment, people, identity.clients(), encoder);
        return RegisteredClients.of(identity.clients(), identity.accessTokenTtl());
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentityProperties identity) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeyFile.loadOrCreate(identity.dataDir())));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(People people, IdentityProperties identity) {
        return new PlatformClaims(people, identity.audience());
    }

    /** The OIDC user-info endpoint checks the access tokens this provider signed. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties identity) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (identity.issuer() != null && !identity.issuer().isBlank()) {
            settings.issuer(identity.issuer());
        }
        return settings.build();
    }
}
