package cn.luoyang.pollution.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets tokens from the provider over plain HTTP, as a command-line user does with curl (the README's
 * walk-through does the same): client credentials for a service client; for a person, the
 * authorization-code flow with PKCE through the sign-in form, reading the code from the redirect.
 */
public final class Tokens {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String issuer;

    public Tokens(String issuer) {
        this.issuer = issuer;
    }

    public HttpResponse<String> clientCredentials(String clientId, String secret) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + base64(clientId + ":" + secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The code the provider redirects to the client with, or null when the sign-in was refused. */
    public String authorizationCode(String clientId, String redirectUri, String challenge, String username,
            String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String authorize = issuer + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", redirectUri, "scope", "openid profile", "state", "s1",
                "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> toLogin = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        String loginPage = browser.send(HttpRequest.newBuilder(location(toLogin)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        if (!csrf.find()) {
            throw new AssertionError("no sign-in form: " + loginPage);
        }
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))).build(), HttpResponse.BodyHandlers.ofString());
        URI next = location(signedIn);
        if (next.getQuery() != null && next.getQuery().contains("error")) {
            return null;
        }
        HttpResponse<String> toClient = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        URI callback = location(toClient);
        if (!callback.toString().startsWith(redirectUri)) {
            throw new AssertionError("expected a redirect to the client, got " + callback);
        }
        return query(callback).get("code");
    }

    public HttpResponse<String> exchange(String clientId, String code, String redirectUri, String verifier) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", verifier)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A person's access token through the command-line client. */
    public String personAccessToken(String username, String password) throws Exception {
        String verifier = verifier();
        String code = authorizationCode("cli", "http://127.0.0.1/callback", challenge(verifier), username, password);
        return JSON.readTree(exchange("cli", code, "http://127.0.0.1/callback", verifier).body()).get("access_token").asString();
    }

    public static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The claims of a JWT, unverified (the tests verify signatures through the provider's JWKS separately). */
    public static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + response.statusCode() + " " + response.body()));
        return URI.create(issuer).resolve(location);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
