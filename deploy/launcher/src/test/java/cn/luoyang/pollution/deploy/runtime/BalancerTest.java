package cn.luoyang.pollution.deploy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The balancer over real loopback sockets: each backend answers with its name and echoes what it read. */
class BalancerTest {

    @Test
    void connectionsGoToTheInstancesInTurnAndARefusingInstanceIsSkipped() throws Exception {
        try (Backend a = new Backend("a"); Backend b = new Backend("b")) {
            int stopped = freePort();
            try (Balancer balancer = new Balancer("test", "127.0.0.1", freePort(), List.of(a.port(), stopped, b.port()))) {
                balancer.start();
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(exchange(balancer.port(), "ping" + i));
                }
                // the stopped instance refuses: its turn goes to the next one, so every connection is answered
                assertTrue(answers.stream().allMatch(s -> s.matches("[ab]:ping\\d")), answers.toString());
                assertTrue(answers.stream().anyMatch(s -> s.startsWith("a:")), answers.toString());
                assertTrue(answers.stream().anyMatch(s -> s.startsWith("b:")), answers.toString());
                assertEquals(0, balancer.refusedByAll());
            }
        }
    }

    @Test
    void whenNoInstanceAcceptsTheClientsConnectionIsClosedAndCounted() throws Exception {
        try (Balancer balancer = new Balancer("test", "127.0.0.1", freePort(), List.of(freePort()))) {
            balancer.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), balancer.port())) {
                assertEquals(-1, s.getInputStream().read());
            }
            assertEquals(1, balancer.refusedByAll());
        }
    }

    private static String exchange(int port, String message) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Answers "name:" followed by everything the client sent, then closes. */
    private static final class Backend implements AutoCloseable {
        private final ServerSocket server;

        Backend(String name) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        byte[] read = in.readAllBytes();
                        out.write((name + ":").getBytes(StandardCharsets.UTF_8));
                        out.write(read);
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
