package cn.luoyang.pollution.notification.gateway.smpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * Client sockets with TCP_NODELAY and a connect timeout. Without it, a lone submit_sm waits on
 * Nagle's algorithm against the SMSC's delayed ACK (about 40 ms a message when traffic is thin;
 * see BENCHMARKS.md); an unreachable SMSC fails fast instead of hanging on connect.
 */
final class NoDelaySockets implements ConnectionFactory {

    private final int connectTimeoutMillis;

    NoDelaySockets(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            return new SocketConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
