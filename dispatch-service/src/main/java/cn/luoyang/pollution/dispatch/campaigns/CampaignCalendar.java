package cn.luoyang.pollution.dispatch.campaigns;

import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.common.InvalidInput;
import cn.luoyang.pollution.dispatch.rules.Routing;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The city's campaign periods (攻坚期) and what they do to a routing: while one is active (today, in
 * Beijing time, by the injected clock) for a complaint's category and district, a routine priority
 * is raised to the period's and the deadline profile is shortened to the period's, never lengthened;
 * the trace says which period did what. Profiles are ordered shortest first by
 * {@code profilesShortestFirst} (the city's deadline profiles; built in: URGENT, SIMPLE, STANDARD).
 */
public final class CampaignCalendar {

    private static final List<String> PRIORITIES = List.of("URGENT", "ROUTINE");

    private final List<CampaignPeriod> periods;
    private final List<String> profilesShortestFirst;
    private final Clock clock;
    private final ZoneId cityZone;

    /** The city's deadline profiles, shortest first: the names a routing may carry. */
    public List<String> profiles() {
        return profilesShortestFirst;
    }

    public CampaignCalendar(List<CampaignPeriod> periods, List<String> profilesShortestFirst, Clock clock, ZoneId cityZone,
            Predicate<String> knownCategory, Predicate<String> knownDistrict) {
        this.profilesShortestFirst = List.copyOf(profilesShortestFirst);
        List<FieldError> errors = check(periods, knownCategory, knownDistrict);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        this.periods = List.copyOf(periods);
        this.clock = clock;
        this.cityZone = cityZone;
    }

    public List<CampaignPeriod> all() {
        return periods;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), cityZone);
    }

    /** The periods active today for this category and district. */
    public List<CampaignPeriod> active(String category, String districtCode) {
        LocalDate today = today();
        return periods.stream().filter(p -> p.activeOn(today) && p.covers(category, districtCode)).toList();
    }

    /** The routing as the active periods change it, with a trace step per period (none when none is active). */
    public Routing apply(Routing routing, String category, String districtCode) {
        Routing result = routing;
        for (CampaignPeriod p : active(category, districtCode)) {
            String priority = higher(result.priority(), p.priority());
            String profile = shorter(result.deadlineProfile(), p.deadlineProfile());
            List<TraceStep> trace = new ArrayList<>(result.trace());
            trace.add(new TraceStep("campaign", p.name() + " (" + p.id() + ", " + p.firstDay() + " to " + p.lastDay()
                    + ") is active for " + category + " in " + districtCode + ": priority " + change(result.priority(), priority)
                    + ", deadline profile " + change(result.deadlineProfile(), profile)));
            result = new Routing(result.ruleId(), result.ruleVersion(), result.leadDepartment(), result.coHandlingDepartments(),
                    result.level(), priority, profile, trace);
        }
        return result;
    }

    private static String change(String before, String after) {
        return before != null && before.equals(after) ? after + " (unchanged)" : before + " → " + after;
    }

    private static String higher(String current, String campaign) {
        if (campaign == null) {
            return current;
        }
        return PRIORITIES.indexOf(campaign) < PRIORITIES.indexOf(current) || PRIORITIES.indexOf(current) < 0 ? campaign : current;
    }

    private String shorter(String current, String campaign) {
        if (campaign == null) {
            return current;
        }
        int c = profilesShortestFirst.indexOf(current);
        return c < 0 || profilesShortestFirst.indexOf(campaign) < c ? campaign : current;
    }

    private List<FieldError> check(List<CampaignPeriod> periods, Predicate<String> knownCategory, Predicate<String> knownDistrict) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < periods.size(); i++) {
            CampaignPeriod p = periods.get(i);
            String at = "campaigns[" + i + "].";
            if (p.id() == null || p.id().isBlank() || !ids.add(p.id())) {
                errors.add(new FieldError(at + "id", "required and unique"));
            }
            if (p.name() == null || p.name().isBlank()) {
                errors.add(new FieldError(at + "name", "required"));
            }
            if (p.firstDay() == null || p.lastDay() == null || p.lastDay().isBefore(p.firstDay())) {
                errors.add(new FieldError(at + "lastDay", "firstDay and lastDay required, lastDay not before firstDay"));
            }
            p.categories().stream().filter(knownCategory.negate())
                    .forEach(c -> errors.add(new FieldError(at + "categories", "unknown category " + c)));
            p.districts().stream().filter(knownDistrict.negate())
                    .forEach(d -> errors.add(new FieldError(at + "districts", "unknown district " + d)));
            if (p.priority() != null && !PRIORITIES.contains(p.priority())) {
                errors.add(new FieldError(at + "priority", "URGENT, ROUTINE or absent, not " + p.priority()));
            }
            if (p.deadlineProfile() != null && !profilesShortestFirst.contains(p.deadlineProfile())) {
                errors.add(new FieldError(at + "deadlineProfile", "one of " + profilesShortestFirst + ", not " + p.deadlineProfile()));
            }
            if (p.priority() == null && p.deadlineProfile() == null) {
                errors.add(new FieldError(at + "priority", "a period raises the priority, shortens the deadline profile, or both"));
            }
        }
        return errors;
    }
}
