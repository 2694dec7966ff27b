package cn.luoyang.pollution.dispatch.dispatching;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.MonitorTrigger;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.SiteContact;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.dispatch.registry.SourceDraft;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A complaint raised by an online monitor has no place of its own: dispatch finds the monitor's source in the
 * registry by its MN and routes the complaint as one about that source, by the same rule table as a person's report
 * there; it is never merged into another open case; a monitor in no registered source goes to the manual queue.
 */
class MonitorRoutingTest {

    private final World world = new World();

    private void site(String id, GeoPoint at, long investment, String... monitors) {
        world.registry.register(new SourceDraft(id, "CONSTRUCTION_SITE", "工地 " + id, at.longitude(), at.latitude(), "GCJ02",
                null, "某建设公司", "张局长", "李经理", investment, null, null, List.of(monitors)));
    }

    private void siteWithMobile(String id, GeoPoint at, String mobile, String mn) {
        world.registry.register(new SourceDraft(id, "CONSTRUCTION_SITE", "工地 " + id, at.longitude(), at.latitude(), "GCJ02",
                null, "某建设公司", "张局长", "李经理", 20_000L, null, null, List.of(mn), mobile));
    }

    private static ComplaintRegistered fromMonitor(String complaintId, String mn) {
        return new ComplaintRegistered("ev-" + complaintId, complaintId, "LY20261128-" + complaintId, "online-monitoring",
                "fault-" + complaintId, Channel.ONLINE_MONITORING, "AIR_CONSTRUCTION_DUST", "EXCEEDANCE",
                "在线监测设备 " + mn + " 超标", null, null, World.MORNING, true, List.of(), SealedContact.anonymousReporter(), false,
                new MonitorTrigger(mn, null, "f-" + complaintId, FaultKind.EXCEEDANCE, "pm10-hourly", "a34002", 150.0,
                        World.MORNING.minusSeconds(7200), World.MORNING, List.of(), World.MORNING),
                World.MORNING, ComplaintRegistered.VERSION);
    }

    @Test
    void aMonitorsComplaintGoesWhereAReportAtItsSiteGoes() {
        site("SITE-SMALL", Luoyang.LUOLONG, 800, "410311LY0001SITE0001");
        site("SITE-LARGE", Luoyang.JIANXI, 20_000, "410305LY0002SITE0002", "410305LY0003SITE0002");

        world.desk.registered(fromMonitor("m1", "410311LY0001SITE0001"));
        world.desk.registered(fromMonitor("m2", "410305LY0003SITE0002"));
        world.desk.registered(world.registered("p1", "AIR_CONSTRUCTION_DUST", Luoyang.east(Luoyang.LUOLONG, 5_000), null,
                World.MORNING));

        List<CaseDispatched> dispatched = world.events.of(CaseDispatched.class);
        CaseDispatched small = dispatched.get(0);
        assertThat(small.sourceId()).isEqualTo("SITE-SMALL");
        assertThat(small.leadDepartment()).isEqualTo("DISTRICT_GOVERNMENT");
        assertThat(small.territory().districtCode()).isEqualTo("410311");
        assertThat(small.trace()).extracting(TraceStep::step).contains("monitor", "source");
        assertThat(small.trace()).filteredOn(t -> t.step().equals("monitor")).singleElement()
                .satisfies(t -> assertThat(t.detail()).contains("410311LY0001SITE0001").contains("SITE-SMALL"));
        CaseDispatched large = dispatched.get(1);
        assertThat(large.sourceId()).isEqualTo("SITE-LARGE");
        assertThat(large.leadDepartment()).isEqualTo("HOUSING_CONSTRUCTION");
        assertThat(large.level()).isEqualTo(Level.CITY);
    }

    @Test
    void aMonitorsComplaintIsNeverMergedIntoTheOpenCaseNextDoor() {
        site("SITE-LARGE", Luoyang.JIANXI, 20_000, "410305LY0002SITE0002");
        world.desk.registered(world.registered("p1", "AIR_CONSTRUCTION_DUST", Luoyang.JIANXI, null, World.MORNING));

        world.desk.registered(fromMonitor("m1", "410305LY0002SITE0002"));

        assertThat(world.events.of(ComplaintMerged.class)).isEmpty();
        assertThat(world.events.of(CaseDispatched.class)).extracting(CaseDispatched::caseId)
                .containsExactly("CASE-LY20261128-p1", "CASE-LY20261128-m1");
    }

    @Test
    void aMonitorInNoRegisteredSourceWaitsForTheCampaignOffice() {
        site("SITE-LARGE", Luoyang.JIANXI, 20_000, "410305LY0002SITE0002");

        world.desk.registered(fromMonitor("m9", "410305LY0099SITE0099"));

        assertThat(world.events.of(CaseDispatched.class)).isEmpty();
        DecisionRecord decision = world.decisions.byId("m9").orElseThrow();
        assertThat(decision.outcome()).isEqualTo(Outcome.QUEUED);
        assertThat(decision.trace()).extracting(TraceStep::detail)
                .anySatisfy(d -> assertThat(d).contains("410305LY0099SITE0099 is in no registered source"));
    }

    @Test
    void aMonitorsCaseNamesItsSitesResponsiblePersonWithTheMobileSealedForNotificationOnly() {
        siteWithMobile("SITE-TOLD", Luoyang.JIANXI, "+86 139-0015-8801", "410305LY0004SITE0004");

        world.desk.registered(fromMonitor("m4", "410305LY0004SITE0004"));

        SiteContact site = world.events.of(CaseDispatched.class).get(0).siteContact();
        assertThat(site.siteName()).isEqualTo("工地 SITE-TOLD");
        assertThat(site.person()).isEqualTo("李经理");
        assertThat(site.mn()).isEqualTo("410305LY0004SITE0004");
        assertThat(site.faultKind()).isEqualTo(FaultKind.EXCEEDANCE);
        assertThat(site.factor()).isEqualTo("a34002");
        assertThat(site.maskedMobile()).isEqualTo("139****8801");
        assertThat(site.sealedMobile()).doesNotContain("13900158801");
        assertThat(ContactOpener.withPrivateKeyset(world.contactKeys.privateKeyset()).open(site.sealedMobile()))
                .isEqualTo("13900158801");
        assertThat(world.events.of(CaseDispatched.class).get(0).trace()).extracting(TraceStep::detail)
                .noneMatch(d -> d.contains("8801"));
    }

    @Test
    void aPersonsReportAtThatSiteAndAMonitorAtASiteWithoutAMobileTellNoSite() {
        siteWithMobile("SITE-TOLD", Luoyang.JIANXI, "13900158801", "410305LY0004SITE0004");
        site("SITE-QUIET", Luoyang.LUOLONG, 800, "410311LY0001SITE0001");

        world.desk.registered(world.registered("p1", "AIR_CONSTRUCTION_DUST", Luoyang.JIANXI, null, World.MORNING));
        world.desk.registered(fromMonitor("m1", "410311LY0001SITE0001"));

        assertThat(world.events.of(CaseDispatched.class)).hasSize(2).extracting(CaseDispatched::siteContact)
                .containsOnlyNulls();
    }
}
