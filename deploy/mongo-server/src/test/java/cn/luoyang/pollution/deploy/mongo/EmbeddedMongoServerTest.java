package cn.luoyang.pollution.deploy.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsWrittenBeforeAnOrderlyStopAreThereAfterTheNextStart() {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
             MongoClient client = MongoClients.create(first.connectionString())) {
            complaints(client).insertOne(new Document("_id", "LY20261128-000001").append("status", "CLOSED"));
        }

        try (EmbeddedMongoServer second = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
             MongoClient client = MongoClients.create(second.connectionString())) {
            Document found = complaints(client).find(Filters.eq("_id", "LY20261128-000001")).first();
            assertNotNull(found, "the complaint stored before the restart");
            assertEquals("CLOSED", found.getString("status"));
        }
    }

    @Test
    void answersThePingThatTheHealthChecksSend() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));
            assertEquals(1.0, reply.get("ok", Number.class).doubleValue());
        }
    }

    @Test
    void theMemoryBackendAnswersFromItsIndexesAndKeepsNothingAfterTheStop() throws Exception {
        try (EmbeddedMongoServer memory = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
             MongoClient client = MongoClients.create(memory.connectionString())) {
            complaints(client).createIndex(new Document("status", 1));
            complaints(client).insertOne(new Document("_id", "LY20261206-000001").append("status", "RECEIVED"));
            Document found = complaints(client).find(Filters.eq("status", "RECEIVED")).first();
            assertNotNull(found, "the complaint stored in memory");
            assertEquals("LY20261206-000001", found.getString("_id"));
        }

        try (EmbeddedMongoServer memory = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
             MongoClient client = MongoClients.create(memory.connectionString())) {
            assertEquals(0, complaints(client).countDocuments(), "a new start of the memory backend is empty");
        }
        try (var files = Files.list(dataDir)) {
            assertEquals(0, files.count(), "the memory backend writes no file");
        }
    }

    @Test
    void theBackendOptionChoosesMemoryOrTheFileStore() {
        assertTrue(EmbeddedMongoServer.Options.parse(new String[] {"--backend", "memory"}).inMemory());
        assertFalse(EmbeddedMongoServer.Options.parse(new String[] {"--backend", "file"}).inMemory());
        assertFalse(EmbeddedMongoServer.Options.parse(new String[0]).inMemory(), "the file store is the default");
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedMongoServer.Options.parse(new String[] {"--backend", "disk"}));
    }

    private static MongoCollection<Document> complaints(MongoClient client) {
        return client.getDatabase("complaints").getCollection("complaints");
    }
}
