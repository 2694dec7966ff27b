package cn.luoyang.pollution.dispatch.campaigns.json;

import cn.luoyang.pollution.dispatch.campaigns.CampaignPeriod;
import java.io.InputStream;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the campaign periods from a JSON list (dates as {@code yyyy-MM-dd}). */
public final class CampaignFile {

    private CampaignFile() {
    }

    public static List<CampaignPeriod> read(InputStream json) {
        return JsonMapper.builder().build().readValue(json, new TypeReference<List<CampaignPeriod>>() { });
    }
}
