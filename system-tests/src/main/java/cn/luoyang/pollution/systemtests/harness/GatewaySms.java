package cn.luoyang.pollution.systemtests.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the SMS gateway handed over, per complaint and milestone, read wherever the runtime's gateway
 * leaves its trace: the recording gateway's own collection ({@link SentSms}) or what the carrier's
 * SMSC received ({@link SmscSms}). A message handed over twice counts two.
 */
public interface GatewaySms extends AutoCloseable {

    /** complaintId → milestone → number of messages handed over. */
    Map<String, Map<String, Integer>> countsByComplaint();

    /** The same for these complaints only (what a drain polls every second: keep it off whole-collection reads). */
    default Map<String, Map<String, Integer>> countsFor(Collection<String> complaintIds) {
        Set<String> wanted = new HashSet<>(complaintIds);
        return countsByComplaint().entrySet().stream().filter(e -> wanted.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Milestones of the messages handed over for one complaint, in no particular order (repeats kept). */
    default List<String> milestonesOf(String complaintId) {
        List<String> milestones = new ArrayList<>();
        countsByComplaint().getOrDefault(complaintId, Map.of())
                .forEach((milestone, n) -> milestones.addAll(java.util.Collections.nCopies(n, milestone)));
        return milestones;
    }

    @Override
    void close();
}
