package cn.luoyang.pollution.contracts;

import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseExtended;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.CaseProgressed;
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.ComplaintRejected;
import cn.luoyang.pollution.contracts.complaint.ComplaintSubmitted;
import cn.luoyang.pollution.contracts.complaint.FieldError;
import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.contracts.complaint.MonitorTrigger;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.SiteContact;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.dispatch.DispatchFailed;
import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.contracts.dispatch.QueuedComplaintEscalated;
import cn.luoyang.pollution.contracts.dispatch.Territory;
import cn.luoyang.pollution.contracts.dispatch.TraceStep;
import cn.luoyang.pollution.contracts.monitoring.FactorReading;
import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultCleared;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.contracts.monitoring.MonitorReadingReceived;
import cn.luoyang.pollution.contracts.monitoring.WindowAverage;
import cn.luoyang.pollution.contracts.notification.CallbackCompleted;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.contracts.rewards.RewardClaimDecided;
import cn.luoyang.pollution.contracts.rewards.RewardClaimOpened;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One example of every event, as it might travel on a night in Jianxi district. */
final class Events {

    static final Instant AT = Instant.parse("2026-11-28T14:05:00Z");
    static final String COMPLAINT = "5f0c6a52-8a77-4c7e-9c1e-3f1b0f6a2d11";
    static final String CASE = "CASE-LY20261128-000042";
    static final GeoPoint POINT = new GeoPoint(112.3904, 34.6561, GeoPoint.Datum.GCJ02);
    static final SealedContact REPORTER = new SealedContact(false, "AQIDBAUGBwgJ...sealed", "138****1234", "MOBILE");
    static final Actor HANDLER = new Actor("jianxi-cgj-li", "HANDLER", "URBAN_MANAGEMENT@410305");
    static final List<TraceStep> TRACE = List.of(
            new TraceStep("territory", "point in 410305 涧西区 polygon"),
            new TraceStep("rule", "R-MUCK-NIGHT v3: muck truck 22:00–06:00 → URBAN_MANAGEMENT + TRAFFIC_POLICE"));

    /** Second examples of a type whose optional part the first leaves empty, pinned as {@code <type>.<variant>.json}. */
    static Map<String, Event> variants() {
        return Map.of("complaint.registered.v1.online-monitoring", new ComplaintRegistered("e-02m", COMPLAINT,
                "LY20261128-000043", "online-monitoring", "detected:6d1f0c2a-3b7e-4f0e-9a51-2c8d4e6f7a90",
                Channel.ONLINE_MONITORING, "AIR_CONSTRUCTION_DUST", "EXCEEDANCE",
                "在线监测 410305LY0001SITE0117: PM10 小时均值连续 2 小时超过限值 150", null, null, AT.minusSeconds(7200),
                true, List.of(), SealedContact.anonymousReporter(), false,
                new MonitorTrigger("410305LY0001SITE0117", "SITE-410305-0117", "6d1f0c2a-3b7e-4f0e-9a51-2c8d4e6f7a90",
                        FaultKind.EXCEEDANCE, "pm10-hourly", "a34002", 150.0, AT.minusSeconds(7200), AT,
                        List.of(new WindowAverage(AT.minusSeconds(7200), AT.minusSeconds(3600), 212.5, 260.1, 60),
                                new WindowAverage(AT.minusSeconds(3600), AT, 188.0, 240.0, 58)),
                        AT.minusSeconds(60)),
                AT, 1),
                "complaint.registered.v1.anonymous-reward", new ComplaintRegistered("e-02a", COMPLAINT, "LY20261128-000044",
                        "web", "http-3c1d9e0b-6a2f-4b8e-8f3a-1e5d7c9b2a40", Channel.WEB, "AIR_MUCK_TRUCK", "uncovered",
                        "渣土车未覆盖，沿路撒漏", POINT, "洛阳市涧西区南昌路与中州西路交叉口", AT.minusSeconds(600), true,
                        List.of(), SealedContact.anonymousReporter(), true, null,
                        "pbkdf2-sha256$100000$Hx3fQm9TzV1cK8aLpR2wYg$7Qm0x1zN6b2v5s8PqLk3c9YdW4e1RtA0uJ6hG2fD8sM", AT, 1),
                "case.dispatched.v1.monitor-site", new CaseDispatched("e-04m", "CASE-LY20261128-000043", COMPLAINT,
                        "LY20261128-000043", "AIR_CONSTRUCTION_DUST", POINT,
                        new Territory("410305", "涧西区", "410305001", "湖北路街道", null, "410305-0117", Territory.FoundBy.POLYGON),
                        null, "HOUSING_CONSTRUCTION", List.of(), "CITY", "ROUTINE", "STANDARD", "SITE-410305-0117",
                        "R-SITE-LARGE", 3, 1, false, List.of(new TraceStep("monitor",
                        "online monitor 410305LY0001SITE0117 belongs to registered source SITE-410305-0117 中州西路工地")),
                        AT, 1, new SiteContact("中州西路工地", "李经理", "AQAAAAx0ZXN0LXNlYWxlZC1tb2JpbGU=", "139****0001",
                        "410305LY0001SITE0117", FaultKind.EXCEEDANCE, "a34002")));
    }

    static Map<String, Event> byType() {
        return Map.ofEntries(
                Map.entry("complaint.submitted.v1", new ComplaintSubmitted("e-01", "hotline-12369", "T-778899",
                        Channel.HOTLINE_12369, "AIR_MUCK_TRUCK", "uncovered", "渣土车未覆盖，沿路撒漏", POINT,
                        "洛阳市涧西区南昌路与中州西路交叉口", AT.minusSeconds(600), true,
                        List.of(new MediaRef("https://media.example.cn/p/1.jpg", "image/jpeg", 204800)),
                        REPORTER, false, AT, 1)),
                Map.entry("complaint.registered.v1", new ComplaintRegistered("e-02", COMPLAINT, "LY20261128-000042",
                        "hotline-12369", "T-778899", Channel.HOTLINE_12369, "AIR_MUCK_TRUCK", "uncovered",
                        "渣土车未覆盖，沿路撒漏", POINT, "洛阳市涧西区南昌路与中州西路交叉口", AT.minusSeconds(600), true,
                        List.of(new MediaRef("gridfs:Hx3fQm9TzV1cK8aLpR2wYg", "image/jpeg", 204800)), REPORTER, true, AT, 1)),
                Map.entry("complaint.rejected.v1", new ComplaintRejected("e-03", "hotline-12369", "T-778900",
                        "validation", List.of(new FieldError("category", "unknown category: AIR_SMOG")), AT, 1)),
                Map.entry("complaint.reporter-note-added.v1", new ReporterNoteAdded("e-03b", COMPLAINT, "LY20261128-000042",
                        CASE, "fixmystreet", "fms-update-77", "今天早上又有渣土车经过, 还是没盖。", "https://media.example.cn/p/2.jpg",
                        AT.minusSeconds(60), AT, 1)),
                Map.entry("case.dispatched.v1", new CaseDispatched("e-04", CASE, COMPLAINT, "LY20261128-000042",
                        "AIR_MUCK_TRUCK", POINT,
                        new Territory("410305", "涧西区", "410305001", "湖北路街道", null, "410305-0117", Territory.FoundBy.POLYGON),
                        new GridTeam("410305-0117", new GridTeam.Member("grid-leader-0117", "网格长 李强"),
                                List.of(new GridTeam.Member("grid-jianxi", "网格员 周杰"))),
                        "URBAN_MANAGEMENT", List.of("TRAFFIC_POLICE"), "DISTRICT", "URGENT", "URGENT", null,
                        "R-MUCK-NIGHT", 3, 1, false, TRACE, AT, 1)),
                Map.entry("complaint.merged.v1", new ComplaintMerged("e-05", CASE, "9a1d", "LY20261128-000057", 180.5, 25, AT, 1)),
                Map.entry("dispatch.failed.v1", new DispatchFailed("e-06", COMPLAINT, "LY20261128-000042", null,
                        "AMBIGUOUS_ADDRESS", "两个县区匹配", List.of("410305 涧西区", "410311 洛龙区"), TRACE, AT, 1)),
                Map.entry("dispatch.queue-escalated.v1", new QueuedComplaintEscalated("e-18", COMPLAINT, "LY20261128-000042",
                        "AMBIGUOUS_ADDRESS", "CAMPAIGN_OFFICE", AT.minusSeconds(4 * 3600), 4, AT, 1)),
                Map.entry("case.accepted.v1", new CaseAccepted("e-07", CASE, "URBAN_MANAGEMENT", HANDLER, AT, 1)),
                Map.entry("case.returned.v1", new CaseReturned("e-08", CASE, "URBAN_MANAGEMENT", "NOT_OUR_JURISDICTION",
                        "工地属于铁路系统", 1, HANDLER, AT, 1)),
                Map.entry("case.progressed.v1", new CaseProgressed("e-09", CASE, "INSPECT", "ACCEPTED", "INSPECTING",
                        List.of("inspection:IR-2026-0042", "photo:gridfs:Np7sWc2kEo4uZb6yTj0qAf"), "到场核查", HANDLER, AT, 1)),
                Map.entry("case.extended.v1", new CaseExtended("e-10", CASE, "需要第三方检测", AT.plusSeconds(86400 * 10),
                        new Actor("city-sup-wang", "SUPERVISOR", "CAMPAIGN_OFFICE@410300"), AT, 1)),
                Map.entry("case.closed.v1", new CaseClosed("e-11", CASE, "RECTIFIED", "已责令覆盖并清扫路面，处罚款2000元。",
                        List.of(COMPLAINT, "9a1d"), HANDLER, AT, 1)),
                Map.entry("case.reopened.v1", new CaseReopened("e-12", CASE, "REPORTER_UNSATISFIED", "夜间仍有撒漏",
                        AT.plusSeconds(86400 * 3), null, AT, 1)),
                Map.entry("case.overdue.v1", new CaseOverdue("e-13", CASE, "SIGN", "URBAN_MANAGEMENT", AT.minusSeconds(3600), AT, 1)),
                Map.entry("case.escalated.v1", new CaseEscalated("e-14", CASE, "SIGN", "CAMPAIGN_OFFICE", "URBAN_MANAGEMENT", AT, 1)),
                Map.entry("reward.claim-opened.v1", new RewardClaimOpened("e-30", CASE, COMPLAINT, COMPLAINT, "LY20261128-000042",
                        "40271958", new BigDecimal("1000"), AT, 1)),
                Map.entry("reward.claim-decided.v1", new RewardClaimDecided("e-31", CASE, COMPLAINT, COMPLAINT, "LY20261128-000042",
                        "APPROVED", new BigDecimal("500"), "罚款2万元，按标准奖励", AT, 1)),
                Map.entry("reporter.notified.v1", new ReporterNotified("e-15", CASE + "/CLOSED/" + COMPLAINT, COMPLAINT, CASE,
                        "CLOSED", "138****1234", "SENT", "smsc-00017", AT, 1)),
                Map.entry("reporter.feedback-received.v1", new ReporterFeedbackReceived("e-16", CASE, COMPLAINT,
                        "UNSATISFIED", AT, 1)),
                Map.entry("callback.completed.v1", new CallbackCompleted("e-20", "7b0e2c4a-3d51-3f8e-9a6b-1c2d3e4f5a6b",
                        CASE, COMPLAINT, "CLOSED", "ANSWERED", 2, "SATISFIED", AT, 1)),
                Map.entry("monitor.reading-received.v1", new MonitorReadingReceived("e-17", "410305LY0001SITE0117",
                        "SITE-410305-0117", "URBAN_MANAGEMENT@410305", "minute", AT.minusSeconds(60),
                        List.of(new FactorReading("a34002", null, 212.5, 180.0, 260.1, "N"),
                                new FactorReading("LA", null, 61.2, null, null, "N")), AT, 1)),
                Map.entry("monitor.fault-detected.v1", new MonitorFaultDetected("e-18", "410305LY0001SITE0117",
                        "SITE-410305-0117", "URBAN_MANAGEMENT@410305", FaultKind.EXCEEDANCE, "pm10-hourly", "a34002", 150.0,
                        AT.minusSeconds(7200), AT,
                        List.of(new WindowAverage(AT.minusSeconds(7200), AT.minusSeconds(3600), 212.5, 260.1, 60),
                                new WindowAverage(AT.minusSeconds(3600), AT, 188.0, 240.0, 58)),
                        AT.minusSeconds(60), AT, 1)),
                Map.entry("monitor.fault-cleared.v1", new MonitorFaultCleared("e-19", "410305LY0001SITE0117",
                        "SITE-410305-0117", "URBAN_MANAGEMENT@410305", FaultKind.EXCEEDANCE, "pm10-hourly", "a34002", 150.0,
                        AT, AT.plusSeconds(3600), List.of(new WindowAverage(AT, AT.plusSeconds(3600), 96.4, 130.2, 60)),
                        AT.plusSeconds(3600), 1)));
    }

    private Events() {
    }
}
