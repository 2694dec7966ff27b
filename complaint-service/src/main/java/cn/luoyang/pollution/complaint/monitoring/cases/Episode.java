package cn.luoyang.pollution.complaint.monitoring.cases;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import java.time.Instant;
import java.util.List;

/**
 * One monitor's fault of one kind as a case (监测异常事件): the fault that opened its complaint and every fault
 * added to it since. At most one per (MN, kind) is open; once its complaint is closed, the next fault of the kind
 * opens a new one in its place.
 *
 * @param openedBy the event id of the {@code MonitorFaultDetected} whose complaint this is
 * @param faults   the event ids of every fault of this episode (the opener first), so a redelivery adds nothing
 */
public record Episode(String key, String mn, FaultKind kind, String openedBy, List<String> faults, Instant openedAt) {

    public Episode {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    public static String keyOf(String mn, FaultKind kind) {
        return mn + "|" + kind;
    }

    /** The natural key of the complaint its opening fault registered. */
    public String complaintKey() {
        return MonitorCases.SOURCE_SYSTEM + ":" + MonitorCases.ticketOf(openedBy);
    }
}
