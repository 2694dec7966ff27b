package cn.luoyang.pollution.complaint.publicsurface.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The rate-limit buckets of every instance in one place: {@code rate_buckets}, one document per
 * client and surface ({@code _id}) holding Bucket4j's serialized state and a {@code version}.
 * Bucket4j has no MongoDB module, so this is its compare-and-swap contract: read the state, let
 * Bucket4j compute the new one, write it conditional on the version read (an insert for a new
 * bucket, refused by the primary key if another instance inserted first); on a lost race Bucket4j
 * reads again. Single-document, so it holds on the embedded server and on a replica set. A bucket
 * untouched for {@code keep} is full again anyway and may be dropped ({@code expireAt}, a TTL index
 * where the server has TTL).
 */
public class MongoRateBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String COLLECTION = "rate_buckets";

    private final MongoCollection<Document> collection;
    private final Duration keep;

    public MongoRateBuckets(MongoTemplate mongo, Duration keep) {
        super(ClientSideConfig.getDefault());
        this.collection = mongo.getCollection(COLLECTION);
        this.keep = keep;
        collection.createIndex(Indexes.ascending("expireAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            private Long version;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Document doc = collection.find(eq("_id", key)).first();
                if (doc == null) {
                    version = null;
                    return Optional.empty();
                }
                version = doc.getLong("version");
                return Optional.of(doc.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                Date expireAt = Date.from(Instant.now().plus(keep));
                if (version == null) {
                    return inserted(new Document("_id", key).append("version", 1L).append("state", new Binary(newData))
                            .append("expireAt", expireAt));
                }
                return collection.updateOne(and(eq("_id", key), eq("version", version)), Updates.combine(
                        Updates.set("state", new Binary(newData)), Updates.set("version", version + 1),
                        Updates.set("expireAt", expireAt))).getModifiedCount() == 1;
            }
        };
    }

    private boolean inserted(Document bucket) {
        try {
            collection.insertOne(bucket);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the servlet filter uses the synchronous API only");
    }

    @Override
    public void removeProxy(String key) {
        collection.deleteOne(eq("_id", key));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        removeProxy(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }
}
