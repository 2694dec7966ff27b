package cn.luoyang.pollution.notification.escalations;

import java.util.List;
import java.util.Optional;

/** The people escalations name, stored. */
public interface Directory {

    /** Inserts or replaces the entry with this id. */
    void save(Person person);

    boolean remove(String id);

    Optional<Person> byId(String id);

    List<Person> all();

    /** The holders of {@code role}; for per-unit roles only those of {@code unit}. */
    List<Person> holding(Role role, String unit);
}
