package cn.luoyang.pollution.complaint.monitoring.messaging;

import cn.luoyang.pollution.complaint.monitoring.ReadingPublisher;
import cn.luoyang.pollution.complaint.monitoring.Receiver;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP server devices connect to (Netty, non-blocking): one acceptor thread and a fixed number of I/O
 * threads however many devices connect; a connection silent for longer than the idle timeout is closed
 * (devices reconnect); at most {@code maxConnections} at once; at most {@code maxInFlight} readings waiting
 * for the broker before further ones are refused as overloaded.
 */
public final class Hj212Server {

    private static final Logger log = LoggerFactory.getLogger(Hj212Server.class);

    /** Limits and threads. {@code port} 0 takes a free port (tests). */
    public record Settings(String host, int port, int ioThreads, Duration idleTimeout, int maxFrameBytes,
                           long abuseBytes, int maxConnections, int maxInFlight) {
    }

    private final Settings settings;
    private final Receiver receiver;
    private final ReadingPublisher publisher;
    private final ReceiverMeters meters;
    private final Semaphore inFlight;
    private final AtomicInteger connections = new AtomicInteger();
    private EventLoopGroup acceptor;
    private EventLoopGroup io;
    private Channel listening;

    public Hj212Server(Settings settings, Receiver receiver, ReadingPublisher publisher, ReceiverMeters meters) {
        this.settings = settings;
        this.receiver = receiver;
        this.publisher = publisher;
        this.meters = meters;
        this.inFlight = new Semaphore(settings.maxInFlight());
    }

    public synchronized void start() throws InterruptedException {
        acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        io = new MultiThreadIoEventLoopGroup(settings.ioThreads(), NioIoHandler.newFactory());
        listening = new ServerBootstrap()
                .group(acceptor, io)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (connections.incrementAndGet() > settings.maxConnections()) {
                            connections.decrementAndGet();
                            meters.dropped("too-many-connections");
                            channel.close();
                            return;
                        }
                        meters.opened();
                        channel.closeFuture().addListener(closed -> {
                            connections.decrementAndGet();
                            meters.closed();
                        });
                        channel.pipeline().addLast(
                                new IdleStateHandler(settings.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                                new FrameSplitter(settings.maxFrameBytes(), settings.abuseBytes()),
                                new MonitorConnection(receiver, publisher, meters, inFlight));
                    }
                })
                .bind(settings.host(), settings.port()).sync().channel();
        log.info("HJ 212 receiver listening on {}", listening.localAddress());
    }

    /** The port it listens on (the one taken when configured with 0). */
    public int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    public synchronized void stop() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
            io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            listening = null;
        }
    }
}
