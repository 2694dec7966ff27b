package cn.luoyang.pollution.systemtests.badinput;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.deploy.runtime.Probes;
import cn.luoyang.pollution.systemtests.harness.Hotline;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Observed;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.systemtests.load.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Sends every malformed input of {@link BadInputs} and checks each got its documented answer,
 * then that the consumers still consume (a good record sent last is registered) and that the
 * counts add up: every bad HTTP request refused, every bad record dead-lettered exactly once and
 * rejected, none registered.
 */
public final class BadInputSuite {

    /** The outcome of one input. */
    public record Outcome(String channel, String name, String expected, String observed, boolean ok, String knownDefect) {
    }

    /** Everything the suite saw, with the counts that must add up. */
    public record Result(List<Outcome> outcomes, int httpSent, int httpRefusedAsDocumented, int kafkaSent,
                         int deadLettered, int deadLetteredTwice, int rejectedEvents, int registeredFromBadInput,
                         boolean canaryRegistered, boolean servicesUp) {

        /** Inputs that did not get their documented answer, known defects aside. */
        public List<Outcome> unexpected() {
            return outcomes.stream().filter(o -> !o.ok() && o.knownDefect() == null).toList();
        }

        /** Known defects that now behave as documented: the mark must go. */
        public List<Outcome> fixedKnownDefects() {
            return outcomes.stream().filter(o -> o.ok() && o.knownDefect() != null).toList();
        }

        public boolean countsAddUp() {
            return httpRefusedAsDocumented == httpSent && deadLettered == kafkaSent && deadLetteredTwice == 0
                    && rejectedEvents == kafkaSent && registeredFromBadInput == 0 && canaryRegistered && servicesUp;
        }

        public String table() {
            StringBuilder out = new StringBuilder();
            for (Outcome o : outcomes) {
                out.append(String.format(Locale.ROOT, "%-5s %-5s %-46s expected %-42s got %s%s%n",
                        o.ok() ? "ok" : o.knownDefect() != null ? "KNOWN" : "FAIL",
                        o.channel(), o.name(), o.expected(), o.observed(),
                        o.knownDefect() != null ? "  [known defect: " + o.knownDefect() + "]" : ""));
            }
            out.append(String.format(Locale.ROOT,
                    "HTTP: %d sent, %d refused as documented | Kafka: %d sent (known defects aside), %d dead-lettered (%d twice), %d ComplaintRejected, "
                            + "%d registered from bad input | canary after the bad records registered: %s | all services UP: %s%n",
                    httpSent, httpRefusedAsDocumented, kafkaSent, deadLettered, deadLetteredTwice, rejectedEvents,
                    registeredFromBadInput, canaryRegistered, servicesUp));
            return out.toString();
        }
    }

    private final SystemUnderTest system;
    private final Duration wait;

    public BadInputSuite(SystemUnderTest system, Duration wait) {
        this.system = system;
        this.wait = wait;
    }

    public Result run(Report base, Report canary) {
        List<Outcome> outcomes = new ArrayList<>();
        List<BadInputs.HttpCase> httpCases = BadInputs.http(base);
        int refused = 0;
        for (BadInputs.HttpCase c : httpCases) {
            JsonHttp.Answer answer = system.complaints().http().postBytes("/api/complaints", c.body(), c.contentType(), c.headers());
            List<String> fields = answer.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
            String reason = answer.text("reason");
            boolean ok = answer.status() == c.expectedStatus()
                    && (c.expectedReason() == null || c.expectedReason().equals(reason))
                    && fields.stream().anyMatch(f -> f.startsWith(c.expectedField()));
            refused += ok ? 1 : 0;
            outcomes.add(new Outcome("http", c.name(),
                    c.expectedStatus() + " " + (c.expectedReason() == null ? "*" : c.expectedReason()) + " " + c.expectedField(),
                    answer.status() + " " + reason + " " + fields, ok, null));
        }

        String runId = "bad-" + System.currentTimeMillis();
        List<BadInputs.KafkaCase> kafkaCases;
        try (Hotline hotline = system.hotline()) {
            kafkaCases = BadInputs.kafka(base, hotline, runId);
            List<Future<?>> sent = new ArrayList<>();
            for (BadInputs.KafkaCase c : kafkaCases) {
                sent.add(hotline.submitRaw(c.key(), c.value(), c.headers()));
            }
            sent.add(hotline.submit(canary.event(hotline, Instant.now())));
            sent.forEach(f -> Hotline.await(castFuture(f)));
        }
        Ledger ledger = system.ledger();
        boolean canaryRegistered = Ledger.within(wait, () -> ledger.registration(canary.ticketKey()).isPresent());
        Ledger.within(wait, () -> kafkaCases.stream().filter(c -> c.knownDefect() == null)
                .allMatch(c -> ledger.deadLetterWithKey(Topics.COMPLAINTS_SUBMITTED, c.key()).isPresent()
                        // the rejection is published after the dead letter: wait for it too, or it is counted too early
                        && ledger.count(o -> Ledger.REJECTED.equals(o.type()) && c.key().equals(o.key())) > 0));
        int deadLettered = 0;
        int twice = 0;
        int rejected = 0;
        int registered = 0;
        int knownDefects = 0;
        for (BadInputs.KafkaCase c : kafkaCases) {
            if (c.knownDefect() != null) {
                knownDefects++;
                boolean documented = ledger.deadLetterWithKey(Topics.COMPLAINTS_SUBMITTED, c.key())
                        .map(Ledger::reasonOf).filter(r -> r.equals(c.expectedReason())).isPresent();
                outcomes.add(new Outcome("kafka", c.name(), "DLT " + c.expectedReason(),
                        documented ? "DLT " + c.expectedReason() : ledger.registration(c.key()).isPresent() ? "registered" : "no dead letter",
                        documented, c.knownDefect()));
                continue;
            }
            List<Observed> dead = ledger.deadLetters(Topics.COMPLAINTS_SUBMITTED).stream().filter(o -> c.key().equals(o.key())).toList();
            Optional<Observed> first = dead.stream().findFirst();
            String reason = first.map(Ledger::reasonOf).orElse(null);
            boolean ok = first.isPresent() && (c.expectedReason() == null || c.expectedReason().equals(reason));
            deadLettered += first.isPresent() ? 1 : 0;
            twice += dead.size() > 1 ? 1 : 0;
            rejected += ledger.count(o -> Ledger.REJECTED.equals(o.type()) && c.key().equals(o.key())) > 0 ? 1 : 0;
            registered += ledger.registration(c.key()).isPresent() ? 1 : 0;
            outcomes.add(new Outcome("kafka", c.name(), "DLT " + (c.expectedReason() == null ? "*" : c.expectedReason()),
                    first.isPresent() ? "DLT " + reason + (dead.size() > 1 ? " x" + dead.size() : "") : "no dead letter", ok, null));
        }
        boolean up = true;
        for (Component service : Component.services()) {
            up &= Probes.actuatorUp(system.managementUrl(service));
        }
        return new Result(outcomes, httpCases.size(), refused, kafkaCases.size() - knownDefects, deadLettered, twice, rejected, registered,
                canaryRegistered, up);
    }

    @SuppressWarnings("unchecked")
    private static <T> Future<T> castFuture(Future<?> f) {
        return (Future<T>) f;
    }
}
