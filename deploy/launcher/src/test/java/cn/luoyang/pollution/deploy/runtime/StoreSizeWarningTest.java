package cn.luoyang.pollution.deploy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.luoyang.pollution.deploy.mongo.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSizeWarningTest {

    private static final long GB = 1024L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void aStoreBelowAMillionDocumentsAndFourGigabytesGetsNoWarning() {
        assertTrue(StoreSizeWarning.forStore(999_999, 4 * GB - 1).isEmpty());
    }

    @Test
    void aMillionDocumentsGetTheWarningWithTheCountAndTheWayOut() {
        String warning = StoreSizeWarning.forStore(1_000_000, 2 * GB).orElseThrow();
        assertTrue(warning.contains("1,000,000 documents"), warning);
        assertTrue(warning.contains("--mongodb-uri"), warning);
    }

    @Test
    void aFourGigabyteFileGetsTheWarningWhateverItsDocumentCount() {
        String warning = StoreSizeWarning.forStore(10, 4 * GB).orElseThrow();
        assertTrue(warning.contains("4.0 GB"), warning);
    }

    @Test
    void theFileSizeIsTheStoreFilesAndZeroBeforeTheFirstStart() throws IOException {
        assertEquals(0, StoreSizeWarning.fileBytes(dataDir));
        try (RandomAccessFile store = new RandomAccessFile(dataDir.resolve("mongo.mv.db").toFile(), "rw")) {
            store.setLength(5 * GB); // sparse: no disk used
        }
        assertEquals(5 * GB, StoreSizeWarning.fileBytes(dataDir));
    }

    @Test
    void theStoredDocumentsAreThoseOfEveryCollectionOfEveryDatabase() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.startInMemory("127.0.0.1", 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("complaints").getCollection("complaints").insertMany(List.of(new Document(), new Document()));
            client.getDatabase("complaints").getCollection("outbox").insertOne(new Document());
            client.getDatabase("notification").getCollection("messages").insertMany(
                    List.of(new Document(), new Document(), new Document()));

            assertEquals(6, StoreSizeWarning.storedDocuments(mongo.connectionString()));
        }
    }

    @Test
    void noWarningIsLookedForWithAnExternalMongoOrTheMemoryBackend() {
        Path root = Path.of("/repo");
        // neither reaches a server: both would fail to connect if they tried
        assertTrue(StoreSizeWarning.check(Launcher.layoutFrom(List.of("--mongodb-uri", "mongodb://127.0.0.1:1"), Map.of(), root)).isEmpty());
        assertTrue(StoreSizeWarning.check(Launcher.layoutFrom(List.of("--backend", "memory", "--mongo-port", "1"), Map.of(), root)).isEmpty());
    }
}
