package cn.luoyang.pollution.identity.clients;

import java.util.List;

/**
 * A registered client as configured. {@code secret} is a hash with its id prefix ({@code {bcrypt}...});
 * blank makes a public client (PKCE, no secret: the command line). {@code grants} are OAuth2 grant type
 * names; {@code role} is what a client-credentials token says the client is (e.g. {@code SERVICE}).
 * {@code postLogoutRedirectUris} are where the provider may send a browser back after the client asked
 * it to end the person's session (OpenID Connect RP-initiated logout), matched exactly.
 */
public record ClientSpec(String id, String secret, List<String> grants, List<String> redirectUris,
        List<String> postLogoutRedirectUris, List<String> scopes, String role) {

    public ClientSpec {
        grants = grants == null ? List.of() : List.copyOf(grants);
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean confidential() {
        return secret != null && !secret.isBlank();
    }
}
