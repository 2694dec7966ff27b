package cn.luoyang.pollution.dispatch.rules;

import cn.luoyang.pollution.dispatch.registry.SourceLink;
import java.time.LocalTime;

/** What the rule table looks at: the complaint's category, territory, linked source, local time and the alert level. */
public record Facts(String category, String categoryGroup, String districtCode, SourceLink source, LocalTime localTime,
        AlertLevel alertLevel) {
}
