package cn.luoyang.pollution.dispatch.registry;

import java.util.List;
import java.util.Optional;

/** The registry's store (the 台账 collection). */
public interface Sources {

    List<PollutionSource> all();

    Optional<PollutionSource> byId(String id);

    void saveAll(List<PollutionSource> sources);

    boolean delete(String id);
}
