package cn.luoyang.pollution.dispatch.registry;

import java.util.List;
import java.util.Optional;

/** The registry's store (the 台账 collection). */
public interface Sources {

    /** A number that every change of the registry raises (one small read, made before each use of the index). */
    long version();

    List<PollutionSource> all();

    Optional<PollutionSource> byId(String id);

    /** Saves the sources, then raises the version. */
    void saveAll(List<PollutionSource> sources);

    /** Deletes a source, then raises the version; false when there was none. */
    boolean delete(String id);
}
