package cn.luoyang.pollution.systemtests.load;

import cn.luoyang.pollution.contracts.complaint.Channel;
import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.systemtests.harness.CaseApi;
import cn.luoyang.pollution.systemtests.harness.Handlers;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.SentSms;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Drives complaints through the whole loop on a running system — filed over HTTP, dispatched,
 * accepted and closed by the demo handler of the lead unit, texted three times — so that the store
 * seeder has real, finished lifecycles to copy. Construction dust in 涧西区, whose handlers the
 * demo users include, at points spread over the district so that dispatch keeps them apart.
 */
public final class ClosedLifecycles {

    private static final Duration STEP = Duration.ofSeconds(90);

    private ClosedLifecycles() {
    }

    /** Files {@code count} complaints and walks each to CLOSED with its SMS sent; returns their tracking numbers. */
    public static List<String> make(SystemUnderTest system, int count) {
        Districts.District jianxi = Districts.load().all().stream().filter(d -> d.code().equals("410305")).findFirst().orElseThrow();
        Random random = new Random(410305);
        List<String> trackingNumbers = new ArrayList<>();
        try (SentSms sms = new SentSms(system.layout().mongoUri())) {
            for (int i = 0; i < count; i++) {
                double[] point = Districts.pointIn(jianxi, random);
                Report report = new Report("system-tests", "seed-template-" + UUID.randomUUID(), Channel.HOTLINE_12369,
                        "AIR_CONSTRUCTION_DUST", "工地扬尘很大, 没有洒水也没有覆盖", point[0], point[1], "洛阳市" + jianxi.name(),
                        Instant.now().minusSeconds(600), "139" + String.format("%08d", random.nextInt(100_000_000)));
                JsonHttp.Answer filed = system.complaints().file(report.httpBody(), report.externalTicketId());
                if (filed.status() != 201) {
                    throw new IllegalStateException("template complaint refused: " + filed.status() + " " + filed.body());
                }
                String complaintId = filed.text("complaintId");
                if (!close(system, complaintId)) {
                    continue;
                }
                await(() -> sms.milestonesOf(complaintId).size() >= 3, "three SMS for " + complaintId);
                trackingNumbers.add(filed.text("trackingNumber"));
            }
        }
        return trackingNumbers;
    }

    /** Whether the complaint's own case was closed (false: it was merged into another, already closed). */
    private static boolean close(SystemUnderTest system, String complaintId) {
        Ledger ledger = system.ledger();
        await(() -> ledger.caseOf(complaintId).isPresent(), "dispatch of " + complaintId);
        String caseId = ledger.caseOf(complaintId).orElseThrow();
        String unit = Handlers.unitOf(ledger.caseDispatched(caseId).orElseThrow());
        CaseApi handler = new CaseApi(system.url(Component.ENFORCEMENT),
                Handlers.userFor(unit).orElseThrow(() -> new IllegalStateException("no demo handler for " + unit)));
        await(() -> handler.get(caseId).status() == 200, "case " + caseId + " opened");
        JsonHttp.Answer accepted = handler.accept(caseId);
        if (accepted.status() == 409) {
            return false;
        }
        JsonHttp.Answer closed = handler.close(caseId, "经现场核查, 工地已覆盖裸土并洒水降尘, 问题已整改。");
        if (closed.status() >= 300) {
            throw new IllegalStateException("closing " + caseId + " failed: " + closed.status() + " " + closed.body());
        }
        return true;
    }

    private static void await(BooleanSupplier condition, String what) {
        if (!Ledger.within(STEP, condition)) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }
}
