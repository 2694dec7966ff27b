package cn.luoyang.pollution.enforcement.console.inbox;

import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.web.CaseSummary;
import java.time.Instant;

/** One line of the console inbox: the API's summary plus its colour and the district's name. */
public record InboxRow(CaseSummary summary, String districtName, Urgency urgency) {

    public static InboxRow of(Case c, Instant now) {
        return new InboxRow(CaseSummary.of(c, now), c.territory() == null ? null : c.territory().districtName(),
                Urgency.of(c, now));
    }
}
