package cn.luoyang.pollution.dispatch.campaigns.web;

import cn.luoyang.pollution.dispatch.campaigns.CampaignCalendar;
import cn.luoyang.pollution.dispatch.campaigns.CampaignPeriod;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The campaign periods (攻坚期) in the configuration, and which of them are active today. */
@RestController
class CampaignsController {

    private final CampaignCalendar campaigns;

    CampaignsController(CampaignCalendar campaigns) {
        this.campaigns = campaigns;
    }

    public record Period(CampaignPeriod period, boolean activeToday) {
    }

    @GetMapping("/dispatch/campaigns")
    public List<Period> all() {
        return campaigns.all().stream().map(p -> new Period(p, p.activeOn(campaigns.today()))).toList();
    }
}
