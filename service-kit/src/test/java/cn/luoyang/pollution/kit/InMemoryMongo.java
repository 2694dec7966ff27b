package cn.luoyang.pollution.kit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import cn.luoyang.pollution.deploy.mongo.AtomicDocuments;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The MongoDB wire-protocol server in memory on a free loopback port, reached through the official
 * driver, for the kit's own tests (the services' tests have test-support's, which depends on the kit).
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new AtomicDocuments(new MemoryBackend()));
    private final MongoClient client;
    private final MongoTemplate template;

    public InMemoryMongo(String database) {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        template = new MongoTemplate(client, database);
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
