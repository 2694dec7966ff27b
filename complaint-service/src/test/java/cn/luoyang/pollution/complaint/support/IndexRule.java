package cn.luoyang.pollution.complaint.support;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Records every filter the service sends and checks it against the rule of the embedded MongoDB
 * server used for the load runs: a query avoids a full collection scan only when, AT TOP LEVEL, it
 * has a condition on {@code _id} or on the first key of a declared index that is a plain value,
 * {@code $eq}, {@code $in} or a range. Anything nested only inside {@code $and}/{@code $or} scans.
 */
public final class IndexRule implements CommandListener {

    private static final Set<String> INDEXABLE = Set.of("$eq", "$in", "$lt", "$lte", "$gt", "$gte");

    /** One filter sent to a collection, with the command that carried it. */
    public record Sent(String command, String collection, BsonDocument filter) {
    }

    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());

    /** A template on its own connection pool whose every command is recorded here. */
    public MongoTemplate template(String uri, String database) {
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri)).addCommandListener(this).build());
        return new MongoTemplate(client, database);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        String collection = command.isString(name) ? command.getString(name).getValue() : null;
        switch (name) {
            case "find", "delete", "count" -> add(name, collection, command.getDocument("filter", command.getDocument("query", null)));
            case "findAndModify", "findandmodify" -> add(name, collection, command.getDocument("query", null));
            case "update" -> command.getArray("updates").forEach(u -> add(name, collection, u.asDocument().getDocument("q")));
            default -> { }
        }
        if ("delete".equals(name) && command.containsKey("deletes")) {
            command.getArray("deletes").forEach(d -> add(name, collection, d.asDocument().getDocument("q")));
        }
    }

    private void add(String command, String collection, BsonDocument filter) {
        if (filter != null) {
            sent.add(new Sent(command, collection, filter.clone()));
        }
    }

    /** How many filters were recorded (a check that the listener saw the traffic at all). */
    public int recorded() {
        return sent.size();
    }

    public void clear() {
        sent.clear();
    }

    /** Every recorded filter that the rule would serve by a full scan, given each collection's index first keys. */
    public List<Sent> scans(Map<String, Set<String>> firstKeysByCollection) {
        synchronized (sent) {
            return sent.stream().filter(s -> !served(s.filter(), firstKeysByCollection.getOrDefault(s.collection(), Set.of())))
                    .collect(Collectors.toList());
        }
    }

    /** The first key of every index of each collection, as the service declared them. */
    public static Map<String, Set<String>> firstKeys(MongoTemplate mongo, String... collections) {
        Map<String, Set<String>> keys = new java.util.HashMap<>();
        for (String collection : collections) {
            Set<String> first = new java.util.HashSet<>();
            mongo.getCollection(collection).listIndexes().forEach(index ->
                    first.add(((org.bson.Document) index.get("key")).keySet().iterator().next()));
            keys.put(collection, first);
        }
        return keys;
    }

    public static boolean served(BsonDocument filter, Set<String> firstKeys) {
        if (condition(filter.get("_id"))) {
            return true;
        }
        return firstKeys.stream().anyMatch(key -> condition(filter.get(key)));
    }

    private static boolean condition(BsonValue value) {
        if (value == null || value.isRegularExpression()) {
            return false;
        }
        if (value.isDocument()) {
            BsonDocument operators = value.asDocument();
            boolean operatorDoc = !operators.isEmpty() && operators.keySet().stream().allMatch(k -> k.startsWith("$"));
            return !operatorDoc || INDEXABLE.containsAll(operators.keySet());
        }
        return true;
    }
}
