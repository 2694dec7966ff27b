package cn.luoyang.pollution.systemtests.load;

import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Observed;
import cn.luoyang.pollution.systemtests.harness.GatewaySms;
import cn.luoyang.pollution.systemtests.harness.SmscSms;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where every submitted complaint ended up, counted once each: registered (then dispatched to a new
 * case, merged into an existing one, or queued for manual dispatch) or lost; plus what must never
 * happen: a report registered twice, a complaint on two cases, an SMS milestone sent twice.
 */
public record Accounting(int submitted, int registered, int dispatched, int merged, int queued, int undecided,
                         int lost, int duplicatedComplaints, int duplicatedCases, int duplicatedSms, int smsRecords,
                         int smsMissing, int smsOutcomeUnknown) {

    public static Accounting of(Ledger ledger, Collection<String> submittedTickets, Map<String, Map<String, Integer>> smsCounts) {
        return of(ledger, submittedTickets, smsCounts, Map.of());
    }

    /**
     * {@code smsOutcomeUnknown}: the milestones, by complaint, whose message notification-service ended
     * with an unknown outcome (a gateway timeout, or a hand-over cut by a SIGKILL). They are never resent
     * (a second copy would be worse than none), are on record for the SMS desk, and so are not counted
     * as missing at the gateway; any other milestone missing there is. Every second copy at the gateway
     * is a duplicated SMS.
     */
    public static Accounting of(Ledger ledger, Collection<String> submittedTickets, Map<String, Map<String, Integer>> smsCounts,
                                Map<String, Set<String>> smsOutcomeUnknown) {
        int registered = 0, dispatched = 0, merged = 0, queued = 0, undecided = 0, lost = 0, dupComplaints = 0, dupCases = 0;
        int smsMissing = 0;
        for (String ticket : submittedTickets) {
            Set<String> complaintIds = ledger.complaintIdsOf(ticket);
            if (complaintIds.isEmpty()) {
                lost++;
                continue;
            }
            registered++;
            if (complaintIds.size() > 1) {
                dupComplaints++;
            }
            String complaintId = complaintIds.iterator().next();
            List<Observed> outcomes = ledger.dispatchOutcomes(complaintId);
            Map<String, Integer> sms = smsCounts.getOrDefault(complaintId, Map.of());
            Set<String> unknown = smsOutcomeUnknown.getOrDefault(complaintId, Set.of());
            // every generated report has a phone: REGISTERED always, DISPATCHED once on a case
            smsMissing += sms.containsKey("REGISTERED") || unknown.contains("REGISTERED") ? 0 : 1;
            boolean onACase = outcomes.stream().anyMatch(o -> Ledger.DISPATCHED.equals(o.type()) || Ledger.MERGED.equals(o.type()));
            smsMissing += onACase && !sms.containsKey("DISPATCHED") && !unknown.contains("DISPATCHED") ? 1 : 0;
            if (outcomes.stream().anyMatch(o -> Ledger.DISPATCHED.equals(o.type()))) {
                dispatched++;
            } else if (outcomes.stream().anyMatch(o -> Ledger.MERGED.equals(o.type()))) {
                merged++;
            } else if (outcomes.stream().anyMatch(o -> Ledger.DISPATCH_FAILED.equals(o.type()))) {
                queued++;
            } else {
                undecided++;
            }
            if (ledger.caseIdsOf(complaintId).size() > 1) {
                dupCases++;
            }
        }
        int dupSms = 0, records = 0;
        for (Map<String, Integer> perMilestone : smsCounts.values()) {
            for (int n : perMilestone.values()) {
                records += n;
                if (n > 1) {
                    dupSms += n - 1;
                }
            }
        }
        return new Accounting(submittedTickets.size(), registered, dispatched, merged, queued, undecided, lost,
                dupComplaints, dupCases, dupSms, records, smsMissing,
                smsOutcomeUnknown.values().stream().mapToInt(Set::size).sum());
    }

    /** Nothing lost, nothing doubled, everything decided, every due SMS handed to the gateway. */
    public boolean whole() {
        return lost == 0 && undecided == 0 && duplicatedComplaints == 0 && duplicatedCases == 0 && duplicatedSms == 0
                && registered == submitted && dispatched + merged + queued == registered && smsMissing == 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "submitted %d | registered %d | dispatched %d, merged %d, queued %d, undecided %d | lost %d | "
                        + "duplicated complaints %d, duplicated cases %d, duplicated SMS %d (of %d SMS records; %d due not yet sent)"
                        + "%s",
                submitted, registered, dispatched, merged, queued, undecided, lost, duplicatedComplaints, duplicatedCases,
                duplicatedSms, smsRecords, smsMissing, smsOutcomeUnknown == 0 ? ""
                        : "; " + smsOutcomeUnknown + " SMS with an unknown outcome (not resent)");
    }

    /** Waits (checking once a second) until the step's reports are all accounted for, or the time is up. */
    public static Accounting drain(Ledger ledger, Set<String> tickets, GatewaySms sms, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Accounting accounting = of(ledger, tickets, sms);
        while (!accounting.whole() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            accounting = of(ledger, tickets, sms);
        }
        return accounting;
    }

    private static Accounting of(Ledger ledger, Set<String> tickets, GatewaySms sms) {
        Set<String> complaintIds = new HashSet<>();
        tickets.forEach(t -> complaintIds.addAll(ledger.complaintIdsOf(t)));
        Map<String, Set<String>> outcomeUnknown = sms instanceof SmscSms smsc ? smsc.outcomeUnknown(complaintIds) : Map.of();
        return Accounting.of(ledger, tickets, sms.countsFor(complaintIds), outcomeUnknown);
    }

    /** SMS records of the complaints of these tickets only. */
    public static Map<String, Map<String, Integer>> smsOf(Ledger ledger, Set<String> tickets, GatewaySms sms) {
        Set<String> complaintIds = new HashSet<>();
        tickets.forEach(t -> complaintIds.addAll(ledger.complaintIdsOf(t)));
        return sms.countsFor(complaintIds);
    }

}
