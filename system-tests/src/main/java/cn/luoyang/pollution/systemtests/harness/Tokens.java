package cn.luoyang.pollution.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Access tokens of the demo people from the runtime's identity provider, got as a person's command
 * line gets them ({@code deploy/token.sh}): authorization code with PKCE as the public client
 * {@code cli}, signing in through the provider's form, the code read from the redirect's
 * {@code Location}. There is no password grant. A token is reused until a minute before it expires, so
 * a suite running longer than a token's lifetime (15 minutes) gets a fresh one without noticing.
 */
public final class Tokens {

    private static final String CLIENT = "cli";
    private static final String REDIRECT = "http://127.0.0.1/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Token(String value, Instant renewAt) {
    }

    private final String issuer;
    private final Map<String, Token> byUser = new ConcurrentHashMap<>();

    public Tokens(String issuer) {
        this.issuer = issuer;
    }

    /** The {@code Authorization} header value for {@code user}, signing in again when the last token is about to expire. */
    public String bearer(String user, String password) {
        Token token = byUser.compute(user, (u, held) ->
                held != null && Instant.now().isBefore(held.renewAt()) ? held : signIn(u, password));
        return "Bearer " + token.value();
    }

    private Token signIn(String user, String password) {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String verifier = base64Url(randomBytes());
        String state = base64Url(randomBytes());
        // 1. the authorization request: the provider keeps it in the session and sends us to its sign-in form
        send(browser, get(issuer + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT,
                "scope", "openid profile", "state", state, "redirect_uri", REDIRECT,
                "code_challenge", base64Url(sha256(verifier)), "code_challenge_method", "S256"))));
        // 2. the form, filled in with its CSRF token
        Matcher csrf = CSRF.matcher(send(browser, get(issuer + "/login")).body());
        if (!csrf.find()) {
            throw new IllegalStateException("the identity provider's sign-in page has no CSRF token");
        }
        HttpResponse<String> signedIn = send(browser, post(issuer + "/login",
                Map.of("username", user, "password", password, "_csrf", csrf.group(1))));
        String next = signedIn.headers().firstValue("Location").orElse("");
        if (next.isEmpty() || next.contains("error")) {
            throw new IllegalStateException("the identity provider refused the sign-in of " + user);
        }
        // 3. back to the authorization request, which now redirects to the client with the code
        String callback = send(browser, get(URI.create(issuer).resolve(next).toString()))
                .headers().firstValue("Location").orElse("");
        Matcher code = CODE.matcher(callback);
        if (!callback.startsWith(REDIRECT) || !callback.contains("state=" + state) || !code.find()) {
            throw new IllegalStateException("no authorization code for " + user + " in " + callback);
        }
        // 4. the code and the verifier for the tokens
        HttpResponse<String> tokens = send(browser, post(issuer + "/oauth2/token", Map.of("grant_type", "authorization_code",
                "client_id", CLIENT, "code", code.group(1), "redirect_uri", REDIRECT, "code_verifier", verifier)));
        JsonNode answer = JsonHttp.JSON.readTree(tokens.body());
        if (tokens.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            throw new IllegalStateException("the token endpoint answered " + tokens.statusCode() + ": " + tokens.body());
        }
        long lifetime = answer.path("expires_in").asLong(300);
        return new Token(answer.get("access_token").asString(), Instant.now().plusSeconds(Math.max(0, lifetime - 60)));
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
