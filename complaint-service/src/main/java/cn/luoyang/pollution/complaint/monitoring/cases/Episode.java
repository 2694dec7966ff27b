package cn.luoyang.pollution.complaint.monitoring.cases;

import cn.luoyang.pollution.contracts.monitoring.FaultKind;
import java.time.Instant;
import java.util.List;

/**
 * One monitor's fault of one kind as a case (监测异常事件): the fault that opened its complaint and every fault
 * added to it since. At most one is open per monitor and fault — an exceedance per factor (a PM10 and a noise
 * exceedance of one monitor are two cases, for different units may answer them), offline once per monitor —; once
 * its complaint is closed, the next such fault opens a new one in its place.
 *
 * @param openedBy the event id of the {@code MonitorFaultDetected} whose complaint this is
 * @param faults   the event ids of every fault of this episode (the opener first), so a redelivery adds nothing
 */
public record Episode(String key, String mn, FaultKind kind, String openedBy, List<String> faults, Instant openedAt) {

    public Episode {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** {@code <MN>|EXCEEDANCE|<factor>}, {@code <MN>|OFFLINE}: one open case per key. */
    public static String keyOf(String mn, FaultKind kind, String factor) {
        return kind == FaultKind.OFFLINE || factor == null || factor.isBlank() ? mn + "|" + kind : mn + "|" + kind + "|" + factor;
    }

    /** The natural key of the complaint its opening fault registered. */
    public String complaintKey() {
        return MonitorCases.SOURCE_SYSTEM + ":" + MonitorCases.ticketOf(openedBy);
    }
}
