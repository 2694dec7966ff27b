package cn.luoyang.pollution.enforcement;

import cn.luoyang.pollution.testing.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The embedded MongoDB wire-protocol server on a free port; each {@link #replica()} is a separate
 * driver connection pool, as a second service replica would have.
 */
public final class MongoFixture implements AutoCloseable {

    private final MongoServer server = EmbeddedMongo.inMemory();
    private final List<MongoClient> clients = new ArrayList<>();
    private final String uri;

    public MongoFixture() {
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        uri = "mongodb://127.0.0.1:" + address.getPort();
    }

    public MongoTemplate replica() {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return new MongoTemplate(client, "enforcement");
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }
}
