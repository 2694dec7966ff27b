package cn.luoyang.pollution.kit.security;

import java.util.function.UnaryOperator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * One client registration at the platform's issuer, its endpoints found through OIDC discovery at the
 * first use and then kept, so that a service starts while the identity provider is still starting (a
 * failed discovery is tried again at the next use). The service account's client-credentials calls and
 * the console's sign-in both use it.
 */
public final class IssuerClientRegistration implements ClientRegistrationRepository {

    private final String registrationId;
    private final String issuer;
    private final UnaryOperator<ClientRegistration.Builder> client;
    private volatile ClientRegistration registration;

    /** {@code client} sets the client's id, secret, grant, scopes and redirect on the discovered provider. */
    public IssuerClientRegistration(String registrationId, String issuer, UnaryOperator<ClientRegistration.Builder> client) {
        this.registrationId = registrationId;
        this.issuer = issuer;
        this.client = client;
    }

    @Override
    public ClientRegistration findByRegistrationId(String id) {
        if (!registrationId.equals(id)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = client.apply(ClientRegistrations.fromIssuerLocation(issuer).registrationId(registrationId)).build();
            registration = known;
        }
        return known;
    }
}
