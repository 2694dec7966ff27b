package cn.luoyang.pollution.kit.security;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The service account's access tokens in jwt mode: Spring Security's client manager with the
 * client-credentials grant against the issuer (its token endpoint found through OIDC discovery at the
 * first call, so that a service starts while the provider is still starting). The manager keeps the
 * token and asks for a new one only when it is about to expire.
 */
final class ServiceAccountTokens implements Supplier<String> {

    static final String REGISTRATION_ID = "platform-service-account";

    private final PlatformSecurity.ServiceAccount account;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

    ServiceAccountTokens(PlatformSecurity.ServiceAccount account, String issuer) {
        this.account = account;
        ClientRegistrationRepository registrations = new IssuerClientRegistration(REGISTRATION_ID, issuer, client -> client
                .clientId(account.username()).clientSecret(account.password())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope(Set.of()));
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
                new InMemoryOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
    }

    @Override
    public String get() {
        OAuth2AuthorizedClient client = manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                .principal(account.username()).build());
        if (client == null) {
            throw new IllegalStateException("the issuer gave the service account " + account.username() + " no token");
        }
        return client.getAccessToken().getTokenValue();
    }
}
