package cn.luoyang.pollution.identity.clients;

import java.util.List;

/**
 * A registered client as configured. {@code secret} is a hash with its id prefix ({@code {bcrypt}...});
 * blank makes a public client (PKCE, no secret: the command line). {@code grants} are OAuth2 grant type
 * names; {@code role} is what a client-credentials token says the client is (e.g. {@code SERVICE}).
 */
public record ClientSpec(String id, String secret, List<String> grants, List<String> redirectUris,
        List<String> scopes, String role) {

    public ClientSpec {
        grants = grants == null ? List.of() : List.copyOf(grants);
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean confidential() {
        return secret != null && !secret.isBlank();
    }
}
