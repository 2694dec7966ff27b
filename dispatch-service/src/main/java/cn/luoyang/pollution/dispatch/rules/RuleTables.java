package cn.luoyang.pollution.dispatch.rules;

import java.util.List;
import java.util.Optional;

/** Every saved version of the rule table. */
public interface RuleTables {

    Optional<RuleTable> latest();

    Optional<RuleTable> version(int version);

    List<Integer> versions();

    /** Stores a new version; fails if that version number is already taken (two admins saving at once). */
    void add(RuleTable table);
}
