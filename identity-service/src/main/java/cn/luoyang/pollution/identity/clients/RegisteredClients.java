package cn.luoyang.pollution.identity.clients;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns the configured clients into Spring Authorization Server's registrations. Every client that
 * signs people in must use PKCE (confidential or not); nobody is asked for consent, because every
 * client is the platform's own.
 */
public final class RegisteredClients {

    /** The client setting that carries a client's platform role into its client-credentials tokens. */
    public static final String ROLE_SETTING = "platform.role";

    private RegisteredClients() {
    }

    public static InMemoryRegisteredClientRepository of(List<ClientSpec> specs, Duration accessTokenTtl) {
        if (specs.isEmpty()) {
            throw new IllegalStateException("identity.clients is empty: no client could ever get a token");
        }
        return new InMemoryRegisteredClientRepository(specs.stream().map(spec -> of(spec, accessTokenTtl)).toList());
    }

    static RegisteredClient of(ClientSpec spec, Duration accessTokenTtl) {
        if (!spec.confidential() && spec.grants().contains(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue())) {
            throw new IllegalStateException("client " + spec.id() + " uses client credentials but has no secret"
                    + " (identity.clients[].secret, e.g. IDENTITY_SVC_CONSOLE_SECRET as a {bcrypt} hash)");
        }
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.nameUUIDFromBytes(spec.id().getBytes()).toString())
                .clientId(spec.id())
                .clientSettings(settings(spec))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTtl).build());
        if (spec.confidential()) {
            client.clientSecret(spec.secret()).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        } else {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        spec.grants().forEach(grant -> client.authorizationGrantType(new AuthorizationGrantType(grant)));
        spec.redirectUris().forEach(client::redirectUri);
        spec.postLogoutRedirectUris().forEach(client::postLogoutRedirectUri);
        spec.scopes().forEach(client::scope);
        return client.build();
    }

    private static ClientSettings settings(ClientSpec spec) {
        ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false)
                .requireProofKey(spec.grants().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()));
        if (spec.role() != null && !spec.role().isBlank()) {
            settings.setting(ROLE_SETTING, spec.role());
        }
        return settings.build();
    }
}
