package cn.luoyang.pollution.notification.sending;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Numbers (by keyed hash) whose owners replied "TD" (退订) and get no more messages. */
public interface OptOuts {

    boolean optedOut(String phoneHash);

    /** Those of {@code phoneHashes} that opted out; one read where the store allows. */
    default Set<String> optedOutAmong(Collection<String> phoneHashes) {
        return phoneHashes.stream().filter(this::optedOut).collect(Collectors.toSet());
    }

    void optOut(String phoneHash, Instant at);
}
