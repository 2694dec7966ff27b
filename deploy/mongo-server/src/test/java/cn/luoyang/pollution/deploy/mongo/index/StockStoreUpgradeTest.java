package cn.luoyang.pollution.deploy.mongo.index;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.luoyang.pollution.deploy.mongo.EmbeddedMongoServer;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder written by the stock H2 backend (every ./run before the indexing backend) still opens. */
class StockStoreUpgradeTest {

    @TempDir
    Path dataDir;

    @Test
    void aStoreWrittenByTheStockBackendKeepsItsDocumentsAndUniqueKeys() {
        MVStore stock = new MVStore.Builder().fileName(dataDir.resolve("mongo.mv.db").toString()).open();
        MongoServer old = new MongoServer(new H2Backend(stock));
        String uri = "mongodb://127.0.0.1:" + old.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> complaints = client.getDatabase("complaints").getCollection("complaints");
            complaints.createIndex(Indexes.ascending("trackingNumber"), new IndexOptions().unique(true));
            complaints.createIndex(Indexes.ascending("status"));
            for (int i = 1; i <= 300; i++) {
                complaints.insertOne(new Document("_id", "c-" + i).append("trackingNumber", "LY20261128-" + i).append("status", "CLOSED"));
            }
        }
        old.shutdownNow();
        stock.close();

        for (int start = 0; start < 2; start++) {
            try (EmbeddedMongoServer upgraded = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
                 MongoClient client = MongoClients.create(upgraded.connectionString())) {
                MongoCollection<Document> complaints = client.getDatabase("complaints").getCollection("complaints");
                complaints.insertOne(new Document("_id", "new-" + start).append("trackingNumber", "LY20261129-" + start).append("status", "CLOSED"));
                assertEquals(301 + start, complaints.countDocuments(eq("status", "CLOSED")));
                assertEquals("c-7", complaints.find(eq("trackingNumber", "LY20261128-7")).first().getString("_id"));
                assertThrows(MongoWriteException.class, () -> complaints.insertOne(
                        new Document("_id", "dup").append("trackingNumber", "LY20261128-7")));
            }
        }
    }
}
