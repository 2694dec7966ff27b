package cn.luoyang.pollution.deploy.manifests;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The city's identity provider as far as a resource server sees it: OpenID discovery and the JWKS,
 * over HTTP on loopback, under the issuer path the manifests name. It signs test tokens with its
 * key; {@link #foreignToken} is signed with another key.
 */
final class IssuerStub implements AutoCloseable {

    private final HttpServer server;
    private final KeyPair keys = rsa();
    private final KeyPair foreign = rsa();
    private final AtomicInteger requests = new AtomicInteger();
    private final String path;

    IssuerStub(String path) {
        this.path = path;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String p = exchange.getRequestURI().getPath();
            String body;
            if (p.equals(path + "/.well-known/openid-configuration")) {
                body = "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\",\"authorization_endpoint\":\""
                        + issuer() + "/auth\",\"token_endpoint\":\"" + issuer() + "/token\",\"subject_types_supported\":[\"public\"],"
                        + "\"response_types_supported\":[\"code\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
            } else if (p.equals(path + "/jwks")) {
                RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
                body = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"stub\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + b64(pub.getModulus())
                        + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}";
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests() {
        return requests.get();
    }

    String token() {
        return sign(keys.getPrivate());
    }

    String foreignToken() {
        return sign(foreign.getPrivate());
    }

    private String sign(PrivateKey key) {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"kid\":\"stub\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + issuer() + "\",\"aud\":\"luoyang-platform\",\"sub\":\"deployment-check\",\"iat\":" + now + ",\"exp\":" + (now + 600)
                + ",\"role\":\"SUPERVISOR\",\"name\":\"deployment check\"}");
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
