package cn.luoyang.pollution.systemtests.load;

import cn.luoyang.pollution.systemtests.harness.CaseWalk;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.SentSms;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives complaints through the whole loop on a running system — filed over HTTP, dispatched,
 * accepted and closed by the demo handler of the lead unit, texted three times — so that the store
 * seeder has real, finished lifecycles to copy. Construction dust in 涧西区, whose handlers the
 * demo users include, at points spread over the district so that dispatch keeps them apart.
 */
public final class ClosedLifecycles {

    private static final Duration STEP = Duration.ofSeconds(90);
    private static final String RESOLUTION = "经现场核查, 工地已覆盖裸土并洒水降尘, 问题已整改。";

    private ClosedLifecycles() {
    }

    /** Files {@code count} complaints and walks each to CLOSED with its SMS sent; returns their tracking numbers. */
    public static List<String> make(SystemUnderTest system, int count) {
        Random random = new Random(410305);
        List<String> trackingNumbers = new ArrayList<>();
        try (SentSms sms = new SentSms(system.layout().mongoUri())) {
            for (int i = 0; i < count; i++) {
                Report report = ReportFactory.inDistrict("seed-template", "410305", "AIR_CONSTRUCTION_DUST",
                        "工地扬尘很大, 没有洒水也没有覆盖", random);
                JsonHttp.Answer filed = system.complaints().file(report.httpBody(), report.externalTicketId());
                if (filed.status() != 201) {
                    throw new IllegalStateException("template complaint refused: " + filed.status() + " " + filed.body());
                }
                String complaintId = filed.text("complaintId");
                CaseWalk.Outcome walked = CaseWalk.acceptAndClose(system, complaintId, RESOLUTION, STEP);
                if (walked.acceptRefused()) {
                    continue; // merged into a case another template already closed
                }
                if (walked.closed().status() >= 300) {
                    throw new IllegalStateException("closing " + walked.caseId() + " failed: " + walked.closed().status()
                            + " " + walked.closed().body());
                }
                if (!Ledger.within(STEP, () -> sms.milestonesOf(complaintId).size() >= 3)) {
                    throw new IllegalStateException("timed out waiting for three SMS for " + complaintId);
                }
                trackingNumbers.add(filed.text("trackingNumber"));
            }
        }
        return trackingNumbers;
    }
}
