package cn.luoyang.pollution.deploy.runtime;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store's size warning (存储容量提醒): {@code ./run} says so when the embedded MongoDB's
 * file store holds {@value #DOCUMENTS} documents or its file reaches 4 GB, well before the size
 * where an earlier store lost chunks (about 1.5 million documents) and under the 2,100,000 that
 * {@code StoreIntegrityTest} checks (deploy/mongo-server/BENCHMARKS.md). A city's data belongs in a
 * MongoDB of its own ({@code --mongodb-uri}).
 */
final class StoreSizeWarning {

    static final long DOCUMENTS = 1_000_000;
    static final long FILE_BYTES = 4L * 1024 * 1024 * 1024;
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "config", "local");

    private StoreSizeWarning() {
    }

    /** The warning for a store of {@code documents} documents in a file of {@code fileBytes}, or empty below both limits. */
    static Optional<String> forStore(long documents, long fileBytes) {
        if (documents < DOCUMENTS && fileBytes < FILE_BYTES) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "run: WARNING the embedded MongoDB store holds %,d documents in a %.1f GB file (warned from %,d documents"
                        + " or 4 GB). It is checked up to 2,100,000 documents (deploy/mongo-server/BENCHMARKS.md); for a city's"
                        + " data use a MongoDB of its own (--mongodb-uri) and move the data there (mongodump/mongorestore).",
                documents, fileBytes / (1024.0 * 1024 * 1024), DOCUMENTS));
    }

    /** The warning for the running embedded store of {@code layout}; empty for an external MongoDB or the memory backend. */
    static Optional<String> check(RuntimeLayout layout) {
        if (layout.externalMongoUri().isPresent() || layout.mongoInMemory()) {
            return Optional.empty();
        }
        return forStore(storedDocuments(layout.mongoUri()), fileBytes(layout.mongoDataDir()));
    }

    /** The store file's size, 0 before the first start. */
    static long fileBytes(Path mongoDataDir) {
        try {
            Path file = mongoDataDir.resolve("mongo.mv.db");
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Documents in every collection of every database but MongoDB's own (each collection's count, not a scan). */
    static long storedDocuments(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build();
        long documents = 0;
        try (MongoClient client = MongoClients.create(settings)) {
            for (String name : client.listDatabaseNames()) {
                if (SYSTEM_DATABASES.contains(name)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    documents += database.getCollection(collection).estimatedDocumentCount();
                }
            }
        }
        return documents;
    }
}
