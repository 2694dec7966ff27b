package cn.luoyang.pollution.contracts;

import cn.luoyang.pollution.contracts.cases.*;
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
import cn.luoyang.pollution.contracts.dispatch.Level;
import cn.luoyang.pollution.contracts.dispatch.Priority;
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
import cn.luoyang.pollution.contracts.notification.CallbackOutcome;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.ReporterNotified;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
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
    static final Actor GRID = new Actor("grid-jianxi", "GRID_MEMBER", "GRID@410305");
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
                        null, "HOUSING_CONSTRUCTION", List.of(), Level.CITY, Priority.ROUTINE, "STANDARD", "SITE-410305-0117",
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
                        "URBAN_MANAGEMENT", List.of("TRAFFIC_POLICE"), Level.DISTRICT, Priority.URGENT, "URGENT", null,
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
                Map.entry("case.inspected.v1", new CaseInspected("e-20", CASE, List.of("photo:gridfs:Np7sWc2kEo4uZb6yTj0qAf"),
                        "到场核查", GRID, AT, 1)),
                Map.entry("case.found-unfounded.v1", new CaseFoundUnfounded("e-21", CASE, List.of("inspection:IR-2026-0042"),
                        "现场未发现扬尘", HANDLER, AT, 1)),
                Map.entry("case.rectification-ordered.v1", new RectificationOrdered("e-22", CASE, AT.plusSeconds(86400 * 5),
                        List.of("order:洛涧城管责改〔2026〕7号"), "覆盖裸土", HANDLER, AT, 1)),
                Map.entry("case.rectified.v1", new CaseRectified("e-23", CASE, List.of("photo:gridfs:Qa8dLm3nVx5pRt1uYc6wEs"),
                        "已覆盖", GRID, AT, 1)),
                Map.entry("case.rectification-check-due.v1", new RectificationCheckDue("e-24", CASE, AT.minusSeconds(60),
                        "URBAN_MANAGEMENT@410305", "410305-0117", AT, 1)),
                Map.entry("case.rectification-checked.v1", new RectificationChecked("e-25", CASE, false,
                        List.of("photo:gridfs:Zr2kPq7sWm4nYb8vTc1xDe"), "裸土仍未覆盖", GRID, AT, 1)),
                Map.entry("case.verified.v1", new CaseVerified("e-26", CASE, List.of("photo:gridfs:Wc5tHn9rKd2mQz7bVx3pLa"),
                        "复查合格", new Actor("jianxi-cgj-zhao", "HANDLER", "URBAN_MANAGEMENT@410305"), AT, 1)),
                Map.entry("case.penalized.v1", new CasePenalized("e-27", CASE, "FINE", new BigDecimal("20000"),
                        "洛涧城管罚〔2026〕12号", List.of("decision:洛涧城管罚〔2026〕12号"), null, HANDLER, AT, 1)),
                Map.entry("case.closure-requested.v1", new ClosureRequested("e-28", CASE, "RECTIFIED",
                        "经现场核查，问题已整改到位。", List.of("evidence/9b2e/site-photo.jpg"), HANDLER, AT, 1)),
                Map.entry("case.closure-rejected.v1", new ClosureRejected("e-29", CASE, "照片未显示覆盖情况",
                        new Actor("city-sup-wang", "SUPERVISOR", "CAMPAIGN_OFFICE@410300"), AT, 1)),
                Map.entry("case.contribution-recorded.v1", new ContributionRecorded("e-32", CASE, "TRAFFIC_POLICE@410305",
                        List.of(), "已对该车辆处罚", new Actor("jianxi-jj-sun", "HANDLER", "TRAFFIC_POLICE@410305"), AT, 1)),
                Map.entry("case.extension-requested.v1", new ExtensionRequested("e-33", CASE, 10, "需要第三方检测", HANDLER,
                        AT, 1)),
                Map.entry("case.extension-refused.v1", new ExtensionRefused("e-34", CASE, "检测可在期限内完成",
                        new Actor("city-sup-wang", "SUPERVISOR", "CAMPAIGN_OFFICE@410300"), AT, 1)),
                Map.entry("case.listed-for-supervision.v1", new CaseListedForSupervision("e-35", CASE, "群众反复投诉",
                        new Actor("city-gjb-liu", "CAMPAIGN_OFFICE", "CAMPAIGN_OFFICE@410300"), AT, 1)),
                Map.entry("case.urged.v1", new CaseUrged("e-36", CASE, "请加快办理",
                        new Actor("city-jw-chen", "DISCIPLINE", "DISCIPLINE_OFFICE@410300"), AT, 1)),
                Map.entry("case.drawn-for-reinspection.v1", new CaseDrawnForReinspection("e-37", CASE,
                        "URBAN_MANAGEMENT@410302", new Actor("reinspection-sampler", "SYSTEM", "CAMPAIGN_OFFICE@410300"), AT, 1)),
                Map.entry("case.reinspection-confirmed.v1", new ReinspectionConfirmed("e-38", CASE,
                        List.of("photo:gridfs:Hd4sKx8mPq2nVb6tRc9wLe"), "抽查合格",
                        new Actor("laocheng-cgj-ma", "HANDLER", "URBAN_MANAGEMENT@410302"), AT, 1)),
                Map.entry("case.deadline-approaching.v1", new DeadlineApproaching("e-39", CASE, ClockName.SIGN, "URBAN_MANAGEMENT",
                        AT.plusSeconds(3600), AT, 1)),
                Map.entry("case.extended.v1", new CaseExtended("e-10", CASE, "需要第三方检测", AT.plusSeconds(86400 * 10),
                        new Actor("city-sup-wang", "SUPERVISOR", "CAMPAIGN_OFFICE@410300"), AT, 1)),
                Map.entry("case.closed.v1", new CaseClosed("e-11", CASE, "RECTIFIED", "已责令覆盖并清扫路面，处罚款2000元。",
                        List.of(COMPLAINT, "9a1d"), HANDLER, AT, 1)),
                Map.entry("case.reopened.v1", new CaseReopened("e-12", CASE, "REPORTER_UNSATISFIED", "夜间仍有撒漏",
                        AT.plusSeconds(86400 * 3), null, AT, 1)),
                Map.entry("case.overdue.v1", new CaseOverdue("e-13", CASE, ClockName.SIGN, "URBAN_MANAGEMENT", AT.minusSeconds(3600), AT, 1)),
                Map.entry("case.escalated.v1", new CaseEscalated("e-14", CASE, ClockName.SIGN, EscalationLevel.CAMPAIGN_OFFICE, "URBAN_MANAGEMENT", AT, 1)),
                Map.entry("reward.claim-opened.v1", new RewardClaimOpened("e-30", CASE, COMPLAINT, COMPLAINT, "LY20261128-000042",
                        "40271958", new BigDecimal("1000"), AT, 1)),
                Map.entry("reward.claim-decided.v1", new RewardClaimDecided("e-31", CASE, COMPLAINT, COMPLAINT, "LY20261128-000042",
                        "APPROVED", new BigDecimal("500"), "罚款2万元，按标准奖励", AT, 1)),
                Map.entry("reporter.notified.v1", new ReporterNotified("e-15", CASE + "/CLOSED/" + COMPLAINT, COMPLAINT, CASE,
                        "CLOSED", "138****1234", "SENT", "smsc-00017", AT, 1)),
                Map.entry("reporter.feedback-received.v1", new ReporterFeedbackReceived("e-16", CASE, COMPLAINT,
                        Satisfaction.UNSATISFIED, AT, 1)),
                Map.entry("callback.completed.v1", new CallbackCompleted("e-20", "7b0e2c4a-3d51-3f8e-9a6b-1c2d3e4f5a6b",
                        CASE, COMPLAINT, "CLOSED", CallbackOutcome.ANSWERED, 2, Satisfaction.SATISFIED, AT, 1)),
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
