package cn.luoyang.pollution.complaint.monitoring.messaging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A bare TCP connection to the receiver, for sending bytes the standard would not allow and reading answers. */
final class DeviceLine implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader answers;

    DeviceLine(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        answers = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    DeviceLine send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    DeviceLine send(String ascii) throws IOException {
        return send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** The next answer line (without CR LF); fails the test after 5 s of nothing. */
    String answer() throws IOException {
        String line = answers.readLine();
        if (line == null) {
            throw new IOException("connection closed by the receiver");
        }
        return line;
    }

    /** True when the receiver closed the connection (end of stream) within the timeout. */
    boolean closedByReceiver() throws IOException {
        try {
            return answers.readLine() == null;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Nothing arrives within {@code millis}. */
    boolean silentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            answers.readLine();
            return false;
        } catch (SocketTimeoutException nothing) {
            return true;
        } finally {
            socket.setSoTimeout(5_000);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
