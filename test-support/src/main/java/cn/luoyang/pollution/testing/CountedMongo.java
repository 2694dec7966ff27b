package cn.luoyang.pollution.testing;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An in-memory MongoDB wire-protocol server reached through a {@link MongoTemplate} whose driver
 * counts the data commands it sends: round trips per record counted on the wire, so a change that
 * adds a read before a write shows up in a test. A count, not a timing.
 */
public final class CountedMongo implements AutoCloseable {

    private static final Set<String> DATA_COMMANDS =
            Set.of("find", "insert", "update", "delete", "findAndModify", "count", "aggregate");

    private final MongoServer server = EmbeddedMongo.inMemory();
    private final AtomicInteger commands = new AtomicInteger();
    private final MongoClient client;
    private final MongoTemplate template;

    public CountedMongo(String database) {
        server.bind("127.0.0.1", 0);
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (DATA_COMMANDS.contains(event.getCommandName())) {
                    commands.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(counter)
                .build());
        template = new MongoTemplate(client, database);
    }

    public MongoTemplate template() {
        return template;
    }

    /** Data commands sent since the start or the last {@link #reset()}. */
    public int commands() {
        return commands.get();
    }

    public void reset() {
        commands.set(0);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
