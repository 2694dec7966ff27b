package cn.luoyang.pollution.dispatch.grids;

import java.util.Optional;

/** Every saved version of the grid roster. */
public interface Rosters {

    /** The number of the latest version, 0 when none is stored: one small read, made before each dispatch. */
    int latestVersion();

    Optional<Roster> version(int version);

    /** Stores a new version; false, with nothing written, if that number is taken (two imports at once). */
    boolean add(Roster roster);
}
