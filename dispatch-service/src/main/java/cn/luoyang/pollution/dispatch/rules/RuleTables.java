package cn.luoyang.pollution.dispatch.rules;

import java.util.List;
import java.util.Optional;

/** Every saved version of the rule table. */
public interface RuleTables {

    Optional<RuleTable> latest();

    /** The number of the latest version, 0 when none is stored: one small read, made before each decision. */
    int latestVersion();

    Optional<RuleTable> version(int version);

    List<Integer> versions();

    /** Stores a new version; false, with nothing written, if that number is taken (two admins saving at once, on any instances). */
    boolean add(RuleTable table);
}
