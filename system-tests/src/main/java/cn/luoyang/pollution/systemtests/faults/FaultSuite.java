package cn.luoyang.pollution.systemtests.faults;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.systemtests.harness.EnforcementClocks;
import cn.luoyang.pollution.systemtests.harness.GatewaySms;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Smsc;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.systemtests.load.Accounting;
import cn.luoyang.pollution.systemtests.load.LoadGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 7's fault suite: while the load generator runs, one fault at a time — kill -9 of each
 * service (or of all four at once) followed by a restart, a restart of the broker, a restart of
 * MongoDB, the carrier's SMSC away for a while — and after each,
 * once the load of that step has drained, every report sent during it is accounted for exactly
 * once (registered, then dispatched, merged or queued), none lost, no case or SMS doubled, and no
 * case of the step runs the same deadline clock twice.
 *
 * <p>Issue 12 adds the faults of a cluster (three Kafka nodes, two instances of every service behind
 * the launcher's balancer): one node killed and brought back, one instance of every service killed
 * while the others serve, and a rolling restart (graceful) of every instance one at a time. Each
 * step also reports what HTTP clients saw and whether their retries with the same Idempotency-Key
 * recovered every report.
 */
public final class FaultSuite {

    /** One fault: what is done to which process. */
    public enum Fault {
        KILL_COMPLAINT(true, Component.COMPLAINT), KILL_DISPATCH(true, Component.DISPATCH),
        KILL_ENFORCEMENT(true, Component.ENFORCEMENT), KILL_NOTIFICATION(true, Component.NOTIFICATION),
        /** All four services crash at once and come back together (the short suite's single service step). */
        KILL_ALL_SERVICES(true, Component.services()),
        RESTART_BROKER(false, Component.KAFKA), RESTART_MONGO(false, Component.MONGO),
        /**
         * The carrier's SMSC goes away for {@link Settings#smsOutage()} (20 s in verify, 60 s with {@code -Pfaults}): bound sessions drop and
         * binds are refused, as when a carrier's SMS centre or the line to it fails; then it is back.
         */
        SMS_GATEWAY_OUTAGE(false),
        /** Cluster: SIGKILL of Kafka node 2 of 3 (a voter, leader of some partitions), then it starts again. */
        KILL_ONE_BROKER(true, Component.KAFKA),
        /** Cluster: SIGKILL of instance 1 of every service at once while instance 2 serves; then they start again. */
        KILL_ONE_INSTANCE_EACH(true, Component.services()),
        /** Cluster: every instance of {@link Settings#rolling()} stopped gracefully (SIGTERM) and started again, one at a time. */
        ROLLING_RESTART(false, Component.services());

        final Component[] targets;
        final boolean crash;

        Fault(boolean crash, Component... targets) {
            this.targets = targets;
            this.crash = crash;
        }
    }

    /** Settings: load rate, how long the load runs before and after the fault, and how long a step may take to drain. */
    public record Settings(double ratePerSecond, Duration before, Duration after, Duration drain, double httpShare,
                           double duplicateShare, Duration smsOutage, List<Component> rolling) {

        public Settings(double ratePerSecond, Duration before, Duration after, Duration drain, double httpShare,
                        double duplicateShare, Duration smsOutage) {
            this(ratePerSecond, before, after, drain, httpShare, duplicateShare, smsOutage, List.of(Component.services()));
        }
    }

    /**
     * What one step did and the counts after it; {@code clocks}: the step's cases read from
     * enforcement-service and how many of them run one clock twice.
     */
    public record StepResult(Fault fault, double downSeconds, double recoverySeconds, int httpRetries, Accounting accounting,
                             EnforcementClocks.Check clocks, LoadGenerator.HttpOutcome http) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%-18s down %5.1f s, healthy again after %5.1f s, HTTP retries %3d | %s | two running clocks %d (of %d cases read) | %s",
                    fault, downSeconds, recoverySeconds, httpRetries, accounting, clocks.twoRunningClocks(), clocks.casesRead(), http);
        }
    }

    private final SystemUnderTest system;
    private final Settings settings;

    public FaultSuite(SystemUnderTest system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    public List<StepResult> run(List<Fault> faults) {
        List<StepResult> results = new ArrayList<>();
        long seed = 11;
        for (Fault fault : faults) {
            StepResult r = step(fault, seed++);
            System.out.println("fault-suite: " + r);
            results.add(r);
        }
        return results;
    }

    private StepResult step(Fault fault, long seed) {
        LoadGenerator load = new LoadGenerator(system);
        LoadGenerator.Plan plan = new LoadGenerator.Plan(settings.ratePerSecond(), Duration.ofHours(1),
                settings.httpShare(), settings.duplicateShare(), 0.0, seed);
        Thread sender = new Thread(() -> load.run(plan), "fault-load");
        // a load thread that dies must fail the step, not leave it counting the few reports sent before
        java.util.concurrent.atomic.AtomicReference<Throwable> senderFailure = new java.util.concurrent.atomic.AtomicReference<>();
        sender.setUncaughtExceptionHandler((t, e) -> senderFailure.set(e));
        sender.start();
        try {
            pause(settings.before());
            double[] downAndRecovery = fault == Fault.SMS_GATEWAY_OUTAGE ? smsOutage() : processFault(fault);
            pause(settings.after());
            load.stop();
            sender.join();
            if (senderFailure.get() != null) {
                throw new IllegalStateException("the load generator failed during " + fault, senderFailure.get());
            }
            Set<String> tickets = load.sent().keySet();
            Ledger ledger = system.ledger();
            try (GatewaySms sms = system.sms(); EnforcementClocks clocks = new EnforcementClocks(system.layout().mongoUri())) {
                Accounting accounting = Accounting.drain(ledger, tickets, sms, settings.drain());
                return new StepResult(fault, downAndRecovery[0], downAndRecovery[1], load.httpRetries(), accounting,
                        clocks.check(casesOf(ledger, tickets)), load.httpOutcome());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            load.stop();
            load.close();
        }
    }

    /** Kills or stops the fault's processes, and restarts them once healthy: {down seconds, seconds to healthy}. */
    private double[] processFault(Fault fault) throws InterruptedException {
        switch (fault) {
            case KILL_ONE_BROKER -> {
                return killAndRestart(fault, 2);
            }
            case KILL_ONE_INSTANCE_EACH -> {
                return killAndRestart(fault, 1);
            }
            case ROLLING_RESTART -> {
                return rollingRestart();
            }
            default -> {
                return wholeComponents(fault);
            }
        }
    }

    /** SIGKILL of node or instance {@code index} of each target while the others run; then they start again. */
    private double[] killAndRestart(Fault fault, int index) throws InterruptedException {
        requireSeveral(fault.targets);
        long t0 = System.nanoTime();
        for (Component target : fault.targets) {
            system.runtime().kill(target, index);
        }
        pause(Duration.ofSeconds(2));
        double down = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        system.runtime().restart(index, fault.targets);
        return new double[] {down, (System.nanoTime() - t1) / 1e9};
    }

    /** Each instance in turn: SIGTERM (graceful shutdown), start again, wait until healthy, then the next. {0, total seconds}. */
    private double[] rollingRestart() {
        Component[] rolling = settings.rolling().toArray(Component[]::new);
        requireSeveral(rolling);
        long t0 = System.nanoTime();
        for (Component service : rolling) {
            for (int i = 1; i <= system.runtime().count(service); i++) {
                system.runtime().restart(service, i);
            }
        }
        return new double[] {0, (System.nanoTime() - t0) / 1e9};
    }

    private void requireSeveral(Component[] targets) {
        for (Component target : targets) {
            if (system.runtime().count(target) < 2) {
                throw new IllegalStateException(target + " runs once: the cluster faults need the cluster (SystemUnderTest.startCluster)");
            }
        }
    }

    private double[] wholeComponents(Fault fault) throws InterruptedException {
        long t0 = System.nanoTime();
        for (Component target : fault.targets) {
            if (fault.crash) {
                system.runtime().kill(target);
            } else {
                system.runtime().stop(target);
            }
        }
        pause(Duration.ofSeconds(2));
        double down = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        system.runtime().restart(fault.targets);
        return new double[] {down, (System.nanoTime() - t1) / 1e9};
    }

    /** The SMSC away for the set time: {down seconds, seconds until notification-service is bound again}. */
    private double[] smsOutage() throws InterruptedException {
        Smsc smsc = system.smsc().orElseThrow(() -> new IllegalStateException(
                "SMS_GATEWAY_OUTAGE needs the services sending over SMPP (the shared system)"));
        long t0 = System.nanoTime();
        smsc.outage();
        pause(settings.smsOutage());
        double down = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        smsc.restore();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!smsc.hasBoundClient() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return new double[] {down, (System.nanoTime() - t1) / 1e9};
    }

    private static Set<String> casesOf(Ledger ledger, Set<String> tickets) {
        Set<String> cases = new HashSet<>();
        for (String ticket : tickets) {
            ledger.complaintIdsOf(ticket).forEach(complaintId -> cases.addAll(ledger.caseIdsOf(complaintId)));
        }
        return cases;
    }

    private static void pause(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
