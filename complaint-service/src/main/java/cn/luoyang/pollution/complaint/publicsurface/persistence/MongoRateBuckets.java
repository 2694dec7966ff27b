package cn.luoyang.pollution.complaint.publicsurface.persistence;

import static com.mongodb.client.model.Filters.eq;

import cn.luoyang.pollution.kit.persistence.Versions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
import org.springframework.data.mongodb.core.query.Update;

/**
 * The rate-limit buckets of every instance in one place: {@code rate_buckets}, one document per
 * client and surface ({@code _id}) holding Bucket4j's serialized state and a {@code version}.
 * Bucket4j has no MongoDB module, so this is its compare-and-swap contract: read the state, let
 * Bucket4j compute the new one, write it conditional on the version read (an insert for a new
 * bucket, refused by the primary key if another instance inserted first: the kit's {@link Versions}); on a lost race Bucket4j
 * reads again. Single-document, so it holds on the embedded server and on a replica set. A bucket
 * untouched for {@code keep} is full again anyway and may be dropped ({@code expireAt}, a TTL index
 * where the server has TTL).
 */
public class MongoRateBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String COLLECTION = "rate_buckets";

    private final MongoCollection<Document> collection;
    private final Versions versions;
    private final Duration keep;

    public MongoRateBuckets(MongoTemplate mongo, Duration keep) {
        super(ClientSideConfig.getDefault());
        this.collection = mongo.getCollection(COLLECTION);
        this.versions = new Versions(mongo, COLLECTION);
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
                version = versions.of(doc);
                return Optional.of(doc.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                Date expireAt = Date.from(Instant.now().plus(keep));
                if (version == null) {
                    return versions.tryInsert(new Document("_id", key).append("state", new Binary(newData)).append("expireAt", expireAt));
                }
                return versions.tryUpdate(key, version, new Update().set("state", new Binary(newData)).set("expireAt", expireAt));
            }
        };
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
