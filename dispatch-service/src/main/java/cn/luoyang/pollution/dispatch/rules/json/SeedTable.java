package cn.luoyang.pollution.dispatch.rules.json;

import cn.luoyang.pollution.dispatch.rules.AlertRaise;
import cn.luoyang.pollution.dispatch.rules.Rule;
import cn.luoyang.pollution.dispatch.rules.RuleTable;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The rule table file loaded on first start: {@code {"alertRaise": {...}, "rules": [...]}}. */
public record SeedTable(AlertRaise alertRaise, List<Rule> rules) {

    public static RuleTable read(InputStream json) {
        SeedTable seed = JsonMapper.builder().build().readValue(json, SeedTable.class);
        return new RuleTable(0, seed.rules(), seed.alertRaise(), "seed", null, Instant.EPOCH);
    }

    /** The defaults bundled with the service. */
    public static RuleTable defaults() {
        InputStream in = SeedTable.class.getClassLoader().getResourceAsStream("rules/default-rules.json");
        if (in == null) {
            throw new IllegalStateException("missing rules/default-rules.json");
        }
        return read(in);
    }
}
