package cn.luoyang.pollution.complaint.publicsurface;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Bucket4j's compare-and-swap contract over a map, for the filter's unit test (the service keeps buckets in MongoDB). */
final class InMemoryBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final ConcurrentMap<String, byte[]> states = new ConcurrentHashMap<>();

    InMemoryBuckets() {
        super(ClientSideConfig.getDefault());
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return Optional.ofNullable(states.get(key));
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] next, RemoteBucketState state, Optional<Long> timeoutNanos) {
                return original == null ? states.putIfAbsent(key, next) == null : states.replace(key, original, next);
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeProxy(String key) {
        states.remove(key);
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
