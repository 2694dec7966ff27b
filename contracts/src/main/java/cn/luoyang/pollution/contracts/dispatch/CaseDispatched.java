package cn.luoyang.pollution.contracts.dispatch;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.GeoPoint;
import java.time.Instant;
import java.util.List;

/**
 * A complaint became a case assigned (派单) to a lead department and its co-handlers, with the
 * reasoning. Published again with a higher {@code routingRound} when a returned case is re-routed
 * or arbitrated. Key: case id.
 *
 * @param level       which level of the department answers
 * @param priority    ROUTINE or URGENT
 * @param deadlineProfile the name of the clock set enforcement applies, a {@link DeadlineProfile} on the wire as its
 *                    plain name (e.g. {@code STANDARD}, {@code SIMPLE}, {@code URGENT}): a name from the city's
 *                    configuration, not a closed set, so a city adds a profile without a release; enforcement falls
 *                    back to STANDARD for a name it has no clocks for ({@link #profile()})
 * @param arbitrated  true when the campaign office (攻坚办) decided after repeated returns; final
 * @param gridTeam    the roster's grid leader and members of {@code territory.gridId}; null when the
 *                    complaint has no grid or the roster names nobody for it (added after v1: optional)
 * @param siteContact the responsible person of the site whose online monitor raised the complaint, to be told by
 *                    SMS; only when a case is opened from a monitor whose source names a mobile, else null (added
 *                    after v1: optional)
 */
public record CaseDispatched(
        String eventId,
        String caseId,
        String complaintId,
        String trackingNumber,
        String category,
        GeoPoint location,
        Territory territory,
        GridTeam gridTeam,
        String leadDepartment,
        List<String> coHandlingDepartments,
        Level level,
        Priority priority,
        String deadlineProfile,
        String sourceId,
        String ruleId,
        int ruleVersion,
        int routingRound,
        boolean arbitrated,
        List<TraceStep> trace,
        Instant occurredAt,
        int schemaVersion,
        SiteContact siteContact) implements Event {

    public static final int VERSION = 1;

    /** {@link #deadlineProfile()} as the value it names; empty when absent or not a profile name. */
    public java.util.Optional<DeadlineProfile> profile() {
        return DeadlineProfile.parse(deadlineProfile);
    }

    /** The territory code of the city itself (洛阳市): a CITY-level unit answers for it. */
    public static final String CITY_TERRITORY = "410300";

    /**
     * The territory of the lead unit (责任单位): the city's code for a CITY-level case or one with no
     * known territory, else the county/district code. With {@link #leadDepartment()} it names the
     * unit, written {@code DEPARTMENT@territory} (e.g. {@code HOUSING_CONSTRUCTION@410305}).
     */
    public String leadTerritory() {
        return level == Level.CITY || territory == null || territory.districtCode() == null
                ? CITY_TERRITORY : territory.districtCode();
    }

    /** Without a site contact: the shape before monitors' sites were told. */
    public CaseDispatched(String eventId, String caseId, String complaintId, String trackingNumber, String category,
            GeoPoint location, Territory territory, GridTeam gridTeam, String leadDepartment, List<String> coHandlingDepartments,
            Level level, Priority priority, String deadlineProfile, String sourceId, String ruleId, int ruleVersion,
            int routingRound, boolean arbitrated, List<TraceStep> trace, Instant occurredAt, int schemaVersion) {
        this(eventId, caseId, complaintId, trackingNumber, category, location, territory, gridTeam, leadDepartment,
                coHandlingDepartments, level, priority, deadlineProfile, sourceId, ruleId, ruleVersion, routingRound, arbitrated,
                trace, occurredAt, schemaVersion, null);
    }

    /** Without a grid team: the shape before the roster. */
    public CaseDispatched(String eventId, String caseId, String complaintId, String trackingNumber, String category,
            GeoPoint location, Territory territory, String leadDepartment, List<String> coHandlingDepartments, Level level,
            Priority priority, String deadlineProfile, String sourceId, String ruleId, int ruleVersion, int routingRound,
            boolean arbitrated, List<TraceStep> trace, Instant occurredAt, int schemaVersion) {
        this(eventId, caseId, complaintId, trackingNumber, category, location, territory, null, leadDepartment,
                coHandlingDepartments, level, priority, deadlineProfile, sourceId, ruleId, ruleVersion, routingRound, arbitrated,
                trace, occurredAt, schemaVersion);
    }

    /** The same event naming this grid team. */
    public CaseDispatched withGridTeam(GridTeam team) {
        return new CaseDispatched(eventId, caseId, complaintId, trackingNumber, category, location, territory, team,
                leadDepartment, coHandlingDepartments, level, priority, deadlineProfile, sourceId, ruleId, ruleVersion,
                routingRound, arbitrated, trace, occurredAt, schemaVersion, siteContact);
    }

    /** The same event telling this site contact. */
    public CaseDispatched withSiteContact(SiteContact contact) {
        return new CaseDispatched(eventId, caseId, complaintId, trackingNumber, category, location, territory, gridTeam,
                leadDepartment, coHandlingDepartments, level, priority, deadlineProfile, sourceId, ruleId, ruleVersion,
                routingRound, arbitrated, trace, occurredAt, schemaVersion, contact);
    }

    @Override
    public String aggregateId() {
        return caseId;
    }
}
