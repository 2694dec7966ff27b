package cn.luoyang.pollution.testing;

import cn.luoyang.pollution.deploy.mongo.AtomicDocuments;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Starts the MongoDB wire-protocol server in memory on a free loopback port for one test
 * application context and points {@code spring.mongodb.uri} at it. The services talk to it
 * through the official driver, exactly as they talk to a real MongoDB.
 */
public class EmbeddedMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /**
     * The one way a test makes an embedded MongoDB: the server's memory backend behind {@link AtomicDocuments}, so
     * that a write changes a document in one step as in MongoDB and in {@code ./run} (not yet bound to a port).
     */
    public static MongoServer inMemory() {
        return new MongoServer(new AtomicDocuments(new MemoryBackend()));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MongoServer server = inMemory();
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.mongodb.uri=mongodb://127.0.0.1:" + address.getPort());
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                server.shutdownNow();
            }
        });
    }
}
