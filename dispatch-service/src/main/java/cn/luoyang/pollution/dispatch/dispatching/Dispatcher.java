package cn.luoyang.pollution.dispatch.dispatching;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.catalogue.Category;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.dispatch.campaigns.CampaignCalendar;
import cn.luoyang.pollution.dispatch.duplicates.MergeTarget;
import cn.luoyang.pollution.dispatch.duplicates.Neighbourhood;
import cn.luoyang.pollution.dispatch.duplicates.OpenCases;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.grids.GridRoster;
import cn.luoyang.pollution.dispatch.jurisdiction.Jurisdiction;
import cn.luoyang.pollution.dispatch.jurisdiction.TerritoryLookup;
import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.Registry;
import cn.luoyang.pollution.dispatch.registry.SourceLink;
import cn.luoyang.pollution.dispatch.rules.AlertLevel;
import cn.luoyang.pollution.dispatch.rules.Facts;
import cn.luoyang.pollution.dispatch.rules.RuleBook;
import cn.luoyang.pollution.dispatch.rules.RuleEngine;
import cn.luoyang.pollution.dispatch.rules.Routing;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides, without side effects, what becomes of one complaint: known category → territory
 * (属地) → same incident as an open case? → linked registered source → the rule table. Every step
 * adds to the trace; whatever cannot be decided goes to the manual queue with its reason, so each
 * complaint ends in exactly one of dispatch, merge or queue.
 */
public final class Dispatcher {

    private final Jurisdiction jurisdiction;
    private final Registry registry;
    private final RuleBook rules;
    private final OpenCases openCases;
    private final Supplier<AlertLevel> alert;
    private final Catalogue catalogue;
    private final ZoneId cityZone;
    private final GridRoster roster;
    private final CampaignCalendar campaigns;

    public Dispatcher(Jurisdiction jurisdiction, Registry registry, RuleBook rules, OpenCases openCases,
            Supplier<AlertLevel> alert, Catalogue catalogue, ZoneId cityZone, GridRoster roster, CampaignCalendar campaigns) {
        this.jurisdiction = jurisdiction;
        this.registry = registry;
        this.rules = rules;
        this.openCases = openCases;
        this.alert = alert;
        this.catalogue = catalogue;
        this.cityZone = cityZone;
        this.roster = roster;
        this.campaigns = campaigns;
    }

    public Decision decide(Complaint complaint) {
        return decide(complaint, alert.get());
    }

    public Decision decide(Complaint complaint, AlertLevel alertLevel) {
        List<TraceStep> trace = new ArrayList<>(8);
        Optional<Category> category = catalogue.category(complaint.category());
        if (category.isEmpty()) {
            String detail = "category " + complaint.category() + " is not in the city's catalogue";
            trace.add(new TraceStep("category", detail));
            return new Decision.Queue("UNKNOWN_CATEGORY", detail, List.of(), trace);
        }
        PollutionSource named = complaint.sourceId() == null ? null : registry.byId(complaint.sourceId()).orElse(null);
        if (complaint.monitorMn() != null) {
            named = registry.byMonitor(complaint.monitorMn()).orElse(null);
            trace.add(new TraceStep("monitor", named == null
                    ? "online monitor " + complaint.monitorMn() + " is in no registered source"
                    : "online monitor " + complaint.monitorMn() + " belongs to registered source " + named.id() + " " + named.name()));
        }
        TerritoryLookup where = locate(complaint, named, trace);
        if (where instanceof TerritoryLookup.Unresolved unresolved) {
            return new Decision.Queue(unresolved.reason(), unresolved.detail(), unresolved.candidates(), trace);
        }
        TerritoryLookup.Found found = (TerritoryLookup.Found) where;
        LonLat point = found.point();
        Neighbourhood seen = point == null ? null : openCases.around(complaint.category(), point, complaint.reportedAt(),
                complaint.caseId());
        // a monitor's faults are one case per monitor and fault already (complaint-service): never merged into
        // another case, whose site may be another one's next door
        if (seen != null && seen.target() != null && complaint.monitorMn() == null) {
            MergeTarget target = seen.target();
            trace.add(new TraceStep("merge", "same incident as open case " + target.openCase().caseId() + ": "
                    + Math.round(target.metres()) + " m and " + target.minutesApart() + " min apart (within "
                    + Math.round(openCases.radiusMetres()) + " m and " + openCases.window().toHours() + " h)"));
            return new Decision.Merge(found.territory(), target, trace, seen);
        }
        SourceLink link = named != null ? new SourceLink(named, point == null ? 0 : point.metresTo(named.position()))
                : registry.link(complaint.category(), point).orElse(null);
        if (link != null) {
            PollutionSource s = link.source();
            trace.add(new TraceStep("source", (named != null ? "named source " : "registered source ") + s.id() + " " + s.name()
                    + " (" + s.type() + ", " + Math.round(link.metres()) + " m"
                    + (s.investmentWanYuan() == null ? "" : ", investment " + s.investmentWanYuan() + " 万元")
                    + (s.hasOwnerSystem() ? ", owner system " + s.ownerSystem() : "")
                    + (s.waterBody() == null ? "" : ", on " + s.waterBody())
                    + "); responsible: " + s.responsibleUnit() + " / " + s.responsibleLeader() + " / " + s.responsiblePerson()));
        } else if (point != null) {
            trace.add(new TraceStep("source", "no registered source of a matching type within " + Math.round(registry.linkMetres()) + " m"));
        }
        LocalTime localTime = complaint.reportedAt() == null ? null : complaint.reportedAt().atZone(cityZone).toLocalTime();
        Facts facts = new Facts(complaint.category(), category.get().group(), found.territory().districtCode(), link, localTime,
                alertLevel);
        RuleEngine engine = rules.engine();
        Optional<Routing> routing = engine.route(facts);
        if (routing.isEmpty()) {
            String detail = "no rule of table v" + engine.table().version() + " matches " + complaint.category()
                    + " in " + found.territory().districtCode();
            trace.add(new TraceStep("rule", detail));
            return new Decision.Queue("NO_RULE", detail, List.of(), trace);
        }
        Routing routed = campaigns.apply(routing.get(), complaint.category(), found.territory().districtCode());
        trace.addAll(routed.trace());
        GridTeam team = gridTeam(found.territory(), trace);
        return new Decision.Dispatch(found.territory(), point, link, routed, team, trace, seen);
    }

    /** The roster's people of the complaint's grid (网格长, 网格员), named in the trace. */
    private GridTeam gridTeam(Territory territory, List<TraceStep> trace) {
        if (territory.gridId() == null) {
            return null;
        }
        GridTeam team = roster.team(territory.gridId()).orElse(null);
        trace.add(new TraceStep("grid-team", team == null ? "the roster names nobody for grid " + territory.gridId()
                : "grid " + team.gridId() + ": leader " + (team.leader() == null ? "none" : team.leader().name() + " ("
                        + team.leader().userId() + ")") + ", " + team.members().size() + " member(s) "
                        + team.members().stream().map(GridTeam.Member::userId).toList()));
        return team;
    }

    private TerritoryLookup locate(Complaint complaint, PollutionSource named, List<TraceStep> trace) {
        TerritoryLookup where;
        if (complaint.location() == null && named != null) {
            TerritoryLookup bySource = jurisdiction.byPoint(new GeoPoint(named.longitude(), named.latitude(), GeoPoint.Datum.GCJ02));
            if (bySource instanceof TerritoryLookup.Found f) {
                Territory t = f.territory();
                trace.add(new TraceStep("territory", "no coordinates; the named source " + named.id() + " lies in "
                        + t.districtCode() + " " + t.districtName()));
                where = new TerritoryLookup.Found(new Territory(t.districtCode(), t.districtName(), t.townshipCode(),
                        t.townshipName(), t.villageName(), t.gridId(), Territory.FoundBy.SOURCE_REGISTRY), f.point(), f.trace());
                return where;
            }
        }
        where = jurisdiction.locate(complaint.location(), complaint.addressText(), complaint.description());
        trace.addAll(where.trace());
        return where;
    }
}
