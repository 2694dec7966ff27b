package cn.luoyang.pollution.systemtests.harness;

import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What the tap has seen, indexed the way the tests ask: by the submitter's ticket key
 * ({@code sourceSystem:externalTicketId}), by complaint id and by case id.
 */
public final class Ledger {

    public static final String REGISTERED = "complaint.registered.v1";
    public static final String REJECTED = "complaint.rejected.v1";
    public static final String DISPATCHED = "case.dispatched.v1";
    public static final String MERGED = "complaint.merged.v1";
    public static final String DISPATCH_FAILED = "dispatch.failed.v1";
    public static final String NOTIFIED = "reporter.notified.v1";

    private final List<Observed> all = new ArrayList<>();
    private final Map<String, List<Observed>> registeredByTicket = new HashMap<>();
    private final Map<String, Observed> registeredByComplaint = new HashMap<>();
    private final Map<String, List<Observed>> rejectedByTicket = new HashMap<>();
    private final Map<String, List<Observed>> dispatchByComplaint = new HashMap<>();
    private final Map<String, List<Observed>> lifecycleByCase = new HashMap<>();
    private final Map<String, List<Observed>> notifiedByComplaint = new HashMap<>();
    private final List<Observed> deadLetters = new ArrayList<>();

    synchronized void add(Observed o) {
        all.add(o);
        if (o.topic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            deadLetters.add(o);
            return;
        }
        String type = o.type() == null ? "" : o.type();
        switch (type) {
            case REGISTERED -> {
                registeredByTicket.computeIfAbsent(ticket(o), k -> new ArrayList<>()).add(o);
                registeredByComplaint.putIfAbsent(o.text("complaintId"), o);
            }
            case REJECTED -> rejectedByTicket.computeIfAbsent(ticket(o), k -> new ArrayList<>()).add(o);
            case DISPATCHED, MERGED, DISPATCH_FAILED ->
                    dispatchByComplaint.computeIfAbsent(o.text("complaintId"), k -> new ArrayList<>()).add(o);
            case NOTIFIED -> notifiedByComplaint.computeIfAbsent(o.text("complaintId"), k -> new ArrayList<>()).add(o);
            default -> {
                if (o.topic().equals(Topics.CASES_LIFECYCLE)) {
                    lifecycleByCase.computeIfAbsent(o.text("caseId"), k -> new ArrayList<>()).add(o);
                }
            }
        }
    }

    public static String ticket(String sourceSystem, String externalTicketId) {
        return sourceSystem + ":" + externalTicketId;
    }

    private static String ticket(Observed o) {
        return ticket(o.text("sourceSystem"), o.text("externalTicketId"));
    }

    public synchronized Optional<Observed> registration(String ticketKey) {
        List<Observed> seen = registeredByTicket.get(ticketKey);
        return seen == null || seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(0));
    }

    /** Distinct complaint ids registered for one ticket: more than one is a duplicated complaint. */
    public synchronized Set<String> complaintIdsOf(String ticketKey) {
        Set<String> ids = new HashSet<>();
        registeredByTicket.getOrDefault(ticketKey, List.of()).forEach(o -> ids.add(o.text("complaintId")));
        return ids;
    }

    public synchronized Optional<Observed> registrationOfComplaint(String complaintId) {
        return Optional.ofNullable(registeredByComplaint.get(complaintId));
    }

    /** The registration that gave this tracking number (an Open311 client knows only that). */
    public synchronized Optional<Observed> registrationOfTrackingNumber(String trackingNumber) {
        return registeredByComplaint.values().stream().filter(o -> trackingNumber.equals(o.text("trackingNumber"))).findFirst();
    }

    public synchronized List<Observed> rejections(String ticketKey) {
        return List.copyOf(rejectedByTicket.getOrDefault(ticketKey, List.of()));
    }

    public synchronized List<Observed> dispatchOutcomes(String complaintId) {
        return List.copyOf(dispatchByComplaint.getOrDefault(complaintId, List.of()));
    }

    /** The case a complaint belongs to (opened for it or merged into), once dispatch has decided. */
    public synchronized Optional<String> caseOf(String complaintId) {
        return dispatchByComplaint.getOrDefault(complaintId, List.of()).stream()
                .filter(o -> DISPATCHED.equals(o.type()) || MERGED.equals(o.type()))
                .map(o -> o.text("caseId")).findFirst();
    }

    /** Distinct case ids a complaint was attached to: more than one is a duplicated case. */
    public synchronized Set<String> caseIdsOf(String complaintId) {
        Set<String> ids = new HashSet<>();
        dispatchByComplaint.getOrDefault(complaintId, List.of()).stream()
                .filter(o -> DISPATCHED.equals(o.type()) || MERGED.equals(o.type()))
                .forEach(o -> ids.add(o.text("caseId")));
        return ids;
    }

    /** The first {@code CaseDispatched} of a case (the lead unit is on it), however the complaint joined the case. */
    public synchronized Optional<Observed> caseDispatched(String caseId) {
        return dispatchByComplaint.values().stream().flatMap(List::stream)
                .filter(o -> DISPATCHED.equals(o.type()) && caseId.equals(o.text("caseId"))).findFirst();
    }

    public synchronized List<Observed> lifecycle(String caseId) {
        return List.copyOf(lifecycleByCase.getOrDefault(caseId, List.of()));
    }

    public synchronized List<Observed> notifications(String complaintId) {
        return List.copyOf(notifiedByComplaint.getOrDefault(complaintId, List.of()));
    }

    /**
     * Distinct messages per milestone for one complaint (by message id): a redelivered audit event
     * of the same message counts once, a second message for the same milestone counts twice.
     */
    public synchronized Map<String, Set<String>> messagesByMilestone(String complaintId) {
        Map<String, Set<String>> byMilestone = new LinkedHashMap<>();
        for (Observed o : notifiedByComplaint.getOrDefault(complaintId, List.of())) {
            String id = o.text("messageId") != null ? o.text("messageId") : o.text("eventId");
            byMilestone.computeIfAbsent(o.text("milestone"), k -> new HashSet<>()).add(id);
        }
        return byMilestone;
    }

    public synchronized List<Observed> deadLetters(String originalTopic) {
        return deadLetters.stream()
                .filter(o -> o.topic().equals(Topics.deadLetterOf(originalTopic))).toList();
    }

    public synchronized Optional<Observed> deadLetterWithKey(String originalTopic, String key) {
        return deadLetters(originalTopic).stream().filter(o -> key.equals(o.key())).findFirst();
    }

    public static String reasonOf(Observed deadLetter) {
        return deadLetter.header(CloudEventHeaders.DLT_REASON);
    }

    public synchronized int count(Predicate<Observed> which) {
        return (int) all.stream().filter(which).count();
    }

    public synchronized Collection<String> registeredComplaintIds() {
        return List.copyOf(registeredByComplaint.keySet());
    }

    /** Polls {@code condition} every 100 ms; false after {@code timeout}. */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
