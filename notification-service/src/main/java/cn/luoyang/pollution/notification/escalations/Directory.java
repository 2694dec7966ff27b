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

    /** The holders of {@code role}; for per-unit roles only those whose entry names exactly {@code unit}. */
    List<Person> holding(Role role, String unit);

    /**
     * Who holds {@code role} for a unit: for a per-unit role the entries of {@code DEPARTMENT@territory};
     * when that unit has none, the department's plain entries ({@code DEPARTMENT}), the fallback that
     * stands for every territory without entries of its own. The offices' roles are city-wide.
     */
    default List<Person> holdingFor(Role role, ResponsibleUnit unit) {
        if (!role.perUnit()) {
            return holding(role, null);
        }
        if (unit.territory() != null) {
            List<Person> own = holding(role, unit.code());
            if (!own.isEmpty()) {
                return own;
            }
        }
        return holding(role, unit.department());
    }
}
