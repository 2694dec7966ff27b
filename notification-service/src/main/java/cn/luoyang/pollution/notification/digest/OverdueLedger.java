package cn.luoyang.pollution.notification.digest;

import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseExtended;
import cn.luoyang.pollution.contracts.cases.CaseInspected;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.notification.escalations.ResponsibleUnit;
import cn.luoyang.pollution.notification.reporters.CaseFile;
import cn.luoyang.pollution.notification.reporters.CaseFiles;
import java.util.Optional;

/**
 * Keeps {@link OverdueCases} from the case lifecycle events, mirroring which action stops which of
 * enforcement's clocks: {@code case.overdue.v1} marks a clock overdue (the unit: the event's
 * department at the case's lead territory); signing or returning the case stops SIGN (签收时限), the
 * start of the on-site inspection stops ONSITE (到场时限), an approved extension moves CLOSE (办结时限)
 * into the future, and closing the case ends it all.
 */
public final class OverdueLedger {

    private final OverdueCases cases;
    private final CaseFiles caseFiles;

    public OverdueLedger(OverdueCases cases, CaseFiles caseFiles) {
        this.cases = cases;
        this.caseFiles = caseFiles;
    }

    public void overdue(CaseOverdue event) {
        if (event.clock() == null || event.deadline() == null) {
            return;
        }
        Optional<CaseFile> file = caseFiles.of(event.caseId());
        cases.overdue(event.caseId(), event.clock().name(), event.deadline(),
                ResponsibleUnit.of(event.department(), file).code(),
                file.flatMap(CaseFile::trackingNumber).orElse(event.caseId()));
    }

    public void accepted(CaseAccepted event) {
        cases.cleared(event.caseId(), "SIGN");
    }

    public void returned(CaseReturned event) {
        cases.cleared(event.caseId(), "SIGN");
    }

    public void inspected(CaseInspected event) {
        cases.cleared(event.caseId(), "ONSITE");
    }

    public void extended(CaseExtended event) {
        cases.cleared(event.caseId(), "CLOSE");
    }

    public void closed(CaseClosed event) {
        cases.closed(event.caseId());
    }
}
