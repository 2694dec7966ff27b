package cn.luoyang.pollution.deploy.mongo;

import cn.luoyang.pollution.deploy.mongo.index.IndexingH2Backend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * The local runtime's MongoDB: the mongo-java-server wire-protocol server over its H2 (MVStore)
 * file backend, so a second start finds the first start's data. The services talk to it with the
 * official driver, exactly as they would to a real {@code mongod}. Unlike the stock backend it
 * uses the non-unique indexes the services declare ({@link IndexingH2Backend}).
 *
 * <p>Usage: {@code java -cp 'lib/*:mongo-server.jar' cn.luoyang.pollution.deploy.mongo.EmbeddedMongoServer
 * [--host 127.0.0.1] [--port 27017] [--data-dir ./var/mongo] [--backend file|memory]}. SIGTERM (or Ctrl-C) stops listening,
 * then closes the store so the last writes reach the file.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    static final String STORE_FILE = "mongo.mv.db";

    private final MVStore store;
    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MVStore store, H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.store = store;
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /** Opens (or creates) the store under {@code dataDir} and listens on {@code host:port} (0 = any free port). */
    public static EmbeddedMongoServer start(String host, int port, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // MVStore commits in the background about once a second; an orderly stop commits the rest.
        // The page cache is the store's buffer pool: H2's default (16 MB) makes a store of a million
        // complaints read and deserialise B-tree pages from disk on most lookups.
        return listen(host, port, new MVStore.Builder()
                .fileName(dataDir.resolve(STORE_FILE).toString())
                .cacheSize(cacheMegabytes())
                .open());
    }

    /**
     * The same server and indexes over a store that lives in the heap only and is gone at the stop
     * ({@code --backend memory}): a stand-in for a fast MongoDB, to measure the services without the
     * file store's cost. The server's stock memory backend is not used: it ignores non-unique indexes
     * and would scan a whole collection at every poll.
     */
    public static EmbeddedMongoServer startInMemory(String host, int port) {
        return listen(host, port, new MVStore.Builder().open());
    }

    private static EmbeddedMongoServer listen(String host, int port, MVStore store) {
        H2Backend backend = new IndexingH2Backend(store);
        MongoServer server = new MongoServer(new AtomicDocuments(backend));
        server.bind(host, port);
        return new EmbeddedMongoServer(store, backend, server, server.getLocalAddress());
    }

    /** A quarter of the heap, at least H2's default of 16 MB. */
    static int cacheMegabytes() {
        return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
    }

    public InetSocketAddress address() {
        return address;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Stops accepting clients, closes open connections and writes the store to disk. */
    @Override
    public synchronized void close() {
        if (store.isClosed()) {
            return;
        }
        server.shutdown();
        // H2Backend.close() calls MVStore.close(), which is close(0): a last commit and no compaction
        // at shutdown, where H2 before 2.4.240 could lose chunks (h2database/h2database#4247).
        if (!store.isClosed()) {
            backend.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        EmbeddedMongoServer mongo = options.inMemory() ? startInMemory(options.host(), options.port())
                : start(options.host(), options.port(), options.dataDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("mongo-server: stopping" + (options.inMemory() ? " (in memory: nothing is kept)"
                    : ", closing the store " + options.dataDir().resolve(STORE_FILE)));
            mongo.close();
            stopped.countDown();
        }, "mongo-server-shutdown"));
        // The launcher waits for this line (and a ping) before starting the services.
        System.out.println("mongo-server: listening on " + mongo.connectionString()
                + (options.inMemory() ? " with data in memory only" : " with data in " + options.dataDir().toAbsolutePath()));
        stopped.await();
    }

    record Options(String host, int port, Path dataDir, boolean inMemory) {

        static Options parse(String[] args) {
            String host = "127.0.0.1";
            int port = 27017;
            Path dataDir = Path.of("var", "mongo");
            boolean inMemory = false;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--host" -> { host = required(args[i], value); i++; }
                    case "--port" -> { port = Integer.parseInt(required(args[i], value)); i++; }
                    case "--data-dir" -> { dataDir = Path.of(required(args[i], value)); i++; }
                    case "--backend" -> { inMemory = backend(required(args[i], value)); i++; }
                    case "--help", "-h" -> {
                        System.out.println("EmbeddedMongoServer [--host 127.0.0.1] [--port 27017] [--data-dir ./var/mongo]"
                                + " [--backend file|memory]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(host, port, dataDir, inMemory);
        }

        /** {@code memory} → true, {@code file} (the default) → false. */
        private static boolean backend(String value) {
            return switch (value) {
                case "memory" -> true;
                case "file" -> false;
                default -> throw new IllegalArgumentException("--backend must be file or memory, not " + value);
            };
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
