package cn.luoyang.pollution.dispatch.campaigns;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign period (攻坚期), such as 百日攻坚: from {@code firstDay} to {@code lastDay} (Beijing dates,
 * both included), complaints of its categories in its districts are dispatched at least at
 * {@code priority} and with a deadline profile no longer than {@code deadlineProfile}.
 *
 * @param categories catalogue codes; empty = every category
 * @param districts  district codes; empty = the whole city
 * @param priority   URGENT raises routine complaints; null leaves the priority as the rule gave it
 * @param deadlineProfile a profile enforcement knows (URGENT, SIMPLE, STANDARD); null leaves it
 */
public record CampaignPeriod(String id, String name, LocalDate firstDay, LocalDate lastDay, List<String> categories,
        List<String> districts, String priority, String deadlineProfile) {

    public CampaignPeriod {
        categories = categories == null ? List.of() : List.copyOf(categories);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public boolean covers(String category, String districtCode) {
        return (categories.isEmpty() || categories.contains(category))
                && (districts.isEmpty() || districts.contains(districtCode));
    }
}
