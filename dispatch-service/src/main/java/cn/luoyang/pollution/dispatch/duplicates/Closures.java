package cn.luoyang.pollution.dispatch.duplicates;

import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseLock;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import java.time.Clock;

/** A closed case (办结) stops being a merge target: a later report of the same smoke is a new incident. */
public final class Closures {

    private final CaseFiles files;
    private final OpenCases openCases;
    private final CaseLock lock;
    private final Clock clock;

    public Closures(CaseFiles files, OpenCases openCases, CaseLock lock, Clock clock) {
        this.files = files;
        this.openCases = openCases;
        this.lock = lock;
        this.clock = clock;
    }

    public void closed(CaseClosed event) {
        lock.onCase(event.caseId(), () -> {
            CaseFile file = files.byId(event.caseId()).orElseThrow(() -> new NotFound("no case " + event.caseId()));
            if (file.status() != CaseStatus.CLOSED) {
                files.save(file.closed(event.eventId(), clock.instant()));
            }
            openCases.close(event.caseId());
        });
    }
}
