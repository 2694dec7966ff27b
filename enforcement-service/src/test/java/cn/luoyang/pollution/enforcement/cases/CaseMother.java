package cn.luoyang.pollution.enforcement.cases;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Rules;
import cn.luoyang.pollution.enforcement.clocks.ClockRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds cases in any state by walking the allowed path, with the 涧西区城管 unit leading. */
public final class CaseMother {

    public static final ClockRules RULES = Rules.shipped();
    public static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z"); // Monday 10:00 Beijing
    public static final Actor LEAD = new Actor("cg-jianxi", "HANDLER", "URBAN_MANAGEMENT@410305");
    public static final Actor SECOND = new Actor("cg-jianxi-2", "HANDLER", "URBAN_MANAGEMENT@410305");
    public static final Actor CO = new Actor("sthj-jianxi", "HANDLER", "ECOLOGY_ENVIRONMENT@410305");
    public static final Actor SUPERVISOR = new Actor("supervisor", "SUPERVISOR", "CAMPAIGN_OFFICE@410300");
    public static final List<String> EVIDENCE = List.of("inspection-record-1.pdf", "photo-1.jpg");
    /** 现场检查笔录 signed by the lead's handler at {@code signedAt}. */
    public static InspectionRecord record(Instant signedAt) {
        return new InspectionRecord("洛城管勘〔2026〕17号", LEAD.userId(), signedAt, "工地裸土已覆盖, 洒水降尘");
    }

    /**
     * Closure evidence of {@code c}: a site photo uploaded to it by the lead's handler, and the lead's
     * inspection record, both from the moment the case opened (so within its life whenever it is closed).
     */
    public static Evidence proof(Case c) {
        return proof(c, c.openedAt());
    }

    /** Closure evidence of {@code c}, the photo uploaded and the record signed at {@code at} (while the case is open). */
    public static Evidence proof(Case c, Instant at) {
        return Evidence.of(List.of(new EvidenceFile("upload-" + c.id(), c.id(), "site-photo.jpg", FileKind.JPEG, 2048,
                "0".repeat(64), LEAD.userId(), at)), record(at));
    }

    public static Case dispatched(String caseId) {
        return Case.open(Dispatches.routine(caseId, "URBAN_MANAGEMENT", "410305", "ECOLOGY_ENVIRONMENT"), T0, RULES);
    }

    public static Case inState(CaseState state) {
        return inState("CASE-" + state, state);
    }

    public static Case inState(String caseId, CaseState state) {
        Case c = dispatched(caseId);
        Instant t = T0;
        for (CaseState step : pathTo(state)) {
            t = t.plus(Duration.ofMinutes(10));
            apply(c, step, t);
        }
        return c;
    }

    static List<CaseState> pathTo(CaseState state) {
        return switch (state) {
            case DISPATCHED -> List.of();
            case ACCEPTED -> List.of(CaseState.ACCEPTED);
            case RETURNED -> List.of(CaseState.RETURNED);
            case INSPECTING -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING);
            case UNFOUNDED -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING, CaseState.UNFOUNDED);
            case RECTIFICATION_ORDERED -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING, CaseState.RECTIFICATION_ORDERED);
            case RECTIFIED -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING, CaseState.RECTIFICATION_ORDERED, CaseState.RECTIFIED);
            case VERIFIED -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING, CaseState.RECTIFICATION_ORDERED,
                    CaseState.RECTIFIED, CaseState.VERIFIED);
            case PENALIZED -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING, CaseState.PENALIZED);
            case CLOSURE_REQUESTED -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING, CaseState.UNFOUNDED,
                    CaseState.CLOSURE_REQUESTED);
            case CLOSED -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING, CaseState.UNFOUNDED, CaseState.CLOSURE_REQUESTED,
                    CaseState.CLOSED);
            case REOPENED -> List.of(CaseState.ACCEPTED, CaseState.INSPECTING, CaseState.UNFOUNDED, CaseState.CLOSURE_REQUESTED,
                    CaseState.CLOSED, CaseState.REOPENED);
        };
    }

    /** A case whose closure was requested from {@code origin} (which must be able to request it). */
    public static Case closureRequestedFrom(CaseState origin) {
        Case c = inState(origin);
        apply(c, CaseState.CLOSURE_REQUESTED, T0.plus(Duration.ofHours(3)));
        return c;
    }

    /** 申请办结 by the lead, then 办结审核 approved by the supervisor (who never handled it): the case is CLOSED. */
    public static void closeVerified(Case c, Instant at, String reply) {
        c.requestClosure(LEAD, at, null, reply, proof(c, at));
        c.decideClosure(SUPERVISOR, at, true, "同意办结");
    }

    /** The verb whose target is {@code target}, done by the right person. */
    public static void apply(Case c, CaseState target, Instant at) {
        if (c.pendingClosure().map(r -> r.proposal().from() == target).orElse(false)) {
            // 办结审核 rejected: back to where the request came from (any other target takes its own verb, refused)
            c.decideClosure(SUPERVISOR, at, false, "答复与核查记录不符");
            return;
        }
        switch (target) {
            case DISPATCHED -> c.reassign(Dispatches.round(c.id(), "URBAN_MANAGEMENT", "410305", c.routingRound() + 1,
                    "ECOLOGY_ENVIRONMENT"), at, RULES);
            case ACCEPTED -> c.accept(LEAD, at, "签收", RULES);
            case RETURNED -> c.returnCase(LEAD, at, "NOT_OUR_DUTY", "不属于本单位职责");
            case INSPECTING -> c.startInspection(LEAD, at, List.of(), "到场");
            case UNFOUNDED -> c.findUnfounded(LEAD, at, EVIDENCE, "现场未发现扬尘");
            case RECTIFICATION_ORDERED -> c.orderRectification(LEAD, at, at.plus(Duration.ofDays(7)), EVIDENCE, "限期七日", RULES);
            case RECTIFIED -> c.reportRectified(LEAD, at, EVIDENCE, "已覆盖");
            case VERIFIED -> c.verify(SECOND, at, EVIDENCE, "复查合格");
            case PENALIZED -> c.penalize(LEAD, at, new Penalty(Penalty.Kind.FINE, new BigDecimal("20000"), "洛城管罚〔2026〕1号"),
                    EVIDENCE, null);
            case CLOSURE_REQUESTED -> c.requestClosure(LEAD, at, null, "经核查，问题已处理。", proof(c));
            case CLOSED -> c.decideClosure(SUPERVISOR, at, true, "同意办结");
            case REOPENED -> c.reopen(SUPERVISOR, at, "SUPERVISOR", "督查发现未整改到位", RULES);
        }
    }

    private CaseMother() {
    }
}
