package cn.luoyang.pollution.deploy.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local stand-in for the city's load balancer (a Kubernetes Service / Ingress): a TCP proxy on a
 * service's standard port that hands each new connection to the next of the service's instances in
 * turn, skipping an instance that refuses the connection (stopped, crashed or shutting down), so a
 * client never needs to know how many instances run or which are up. It balances connections, not
 * requests: a kept-alive HTTP connection stays with its instance until either side closes it, as
 * behind any layer-4 balancer. Two threads per connection; plenty for a machine's worth of clients.
 */
public final class Balancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 1000;

    private final String name;
    private final String host;
    private final int port;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong refusedByAll = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    public Balancer(String name, String host, int port, List<Integer> backends) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.backends = List.copyOf(backends);
    }

    public int port() {
        return port;
    }

    public List<Integer> backends() {
        return backends;
    }

    /** Connections closed at once because no instance accepted them. */
    public long refusedByAll() {
        return refusedByAll.get();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 200);
            server = s;
        } catch (IOException e) {
            throw new IllegalStateException("the balancer of " + name + " cannot listen on " + host + ":" + port, e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "balancer-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        ServerSocket s = server;
        while (s != null && !s.isClosed()) {
            try {
                Socket client = s.accept();
                Thread t = new Thread(() -> serve(client), "balancer-" + name + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed: the balancer stops
            }
        }
    }

    private void serve(Socket client) {
        Socket backend = connectToNext();
        if (backend == null) {
            refusedByAll.incrementAndGet();
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(backend);
        Thread upstream = new Thread(() -> pump(client, backend), "balancer-" + name + "-up");
        upstream.setDaemon(true);
        upstream.start();
        pump(backend, client);
        try {
            upstream.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(client);
        closeQuietly(backend);
        open.remove(client);
        open.remove(backend);
    }

    /** The next instance in turn that accepts a connection; null when none does. */
    private Socket connectToNext() {
        int start = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int i = 0; i < backends.size(); i++) {
            int backendPort = backends.get((start + i) % backends.size());
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, backendPort), CONNECT_TIMEOUT_MS);
                return socket;
            } catch (IOException refused) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Copies one direction until its end, then half-closes the other side so the peer sees the end too. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side reset or closed: end both, as a crashed instance's client must see
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public synchronized void close() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // already closed
            }
        }
        open.forEach(Balancer::closeQuietly);
        open.clear();
    }
}
