package cn.luoyang.pollution.deploy.runtime;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bson.Document;

/** Health checks that tell the launcher a process is ready for the next one. */
public final class Probes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A TCP connection to {@code host:port} succeeds. */
    public static boolean portAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Spring Boot Actuator's {@code /actuator/health} answers 200 with status UP. */
    public static boolean actuatorUp(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").startsWith("{\"status\":\"UP\"")
                    || response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** MongoDB answers {@code {ping: 1}} (the embedded server has no {@code hello}, but ping works everywhere). */
    public static boolean mongoPing(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));
            return reply.get("ok", Number.class).doubleValue() == 1.0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Polls {@code ready} every 250 ms until it holds; fails early with the log's tail when the
     * process dies, and after {@code timeout} otherwise.
     */
    public static void await(ManagedProcess process, String what, BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited (code " + process.exitCode().orElse(-1)
                        + ") before " + what + "; last lines of " + process.logFile() + ":\n" + process.tail(40));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + (process == null ? "" : "; last lines of " + process.logFile() + ":\n" + process.tail(40)));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private Probes() {
    }
}
