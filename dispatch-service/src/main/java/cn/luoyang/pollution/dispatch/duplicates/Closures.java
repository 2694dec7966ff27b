package cn.luoyang.pollution.dispatch.duplicates;

import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.dispatching.CaseFile;
import cn.luoyang.pollution.dispatch.dispatching.CaseFiles;
import cn.luoyang.pollution.dispatch.dispatching.CaseStatus;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import java.time.Clock;

/** A closed case (办结) stops being a merge target: a later report of the same smoke is a new incident. */
public final class Closures {

    private final CaseFiles files;
    private final OpenCases openCases;
    private final Clock clock;

    public Closures(CaseFiles files, OpenCases openCases, Clock clock) {
        this.files = files;
        this.openCases = openCases;
        this.clock = clock;
    }

    public void closed(CaseClosed event) {
        CaseFile file;
        do {
            file = files.byId(event.caseId()).orElseThrow(() -> new NotFound("no case " + event.caseId()));
            // a write conditional on the file read: if a return or arbitration came first, read again
        } while (file.status() != CaseStatus.CLOSED && !files.update(file.closed(event.eventId(), clock.instant()), null));
        if (file.gcjLongitude() != null && file.gcjLatitude() != null) {
            openCases.close(file.id(), file.category(), new LonLat(file.gcjLongitude(), file.gcjLatitude()));
        }
    }
}
