package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.systemtests.harness.DispatchApi;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.Ledger;
import cn.luoyang.pollution.systemtests.harness.Observed;
import cn.luoyang.pollution.systemtests.harness.OnlineMonitors;
import cn.luoyang.pollution.systemtests.harness.Smsc;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import cn.luoyang.pollution.testing.monitors.MonitorSimulator;
import cn.luoyang.pollution.testing.monitors.Upload;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 over the real processes: simulated monitors speak HJ 212 over TCP to complaint-service's receiver,
 * its stream processor finds the ones driven over the limit and a silent one, its fault consumer files
 * complaints of channel ONLINE_MONITORING, and dispatch routes each through the registry entry of the monitor's
 * site to that site's unit. Every monitor over the limit gives exactly one case, however many windows stay over
 * it; the silent one an offline case; and each such site's responsible person, whose mobile the registry was given,
 * gets one SMS at the carrier's SMSC naming the monitor and its fault, while the number appears in plain text in no
 * event and no database. complaint-service, which hosts the stream processor, is killed and restarted mid-run
 * (after the first 10-minute window over the limit, before the second makes the fault; before the silence is
 * noticed), and the monitors reconnect as devices do: nothing of the above changes. Data time runs at four
 * simulated minutes per second (the rules of {@link OnlineMonitors}): a simulated hour, and more, in well under a
 * minute, plus the restart.
 */
class MonitorCasesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(150);
    /** Data minute at which complaint-service is killed and restarted: one window over the limit is closed by then. */
    private static final int RESTART_MINUTE = 14;
    private static final String[] DATABASES = {"complaints", "dispatch", "enforcement", "notification"};

    static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.shared();
    }

    private static String mn(int i) {
        return String.format(Locale.ROOT, "LY%04d", i);
    }

    /** The site's responsible person's mobile (invented numbers no other suite uses). */
    private static String mobile(int i) {
        return String.format(Locale.ROOT, "1390018%04d", i);
    }

    /** A large site (city housing commission) for an even number, a small one (the district) for an odd one. */
    private static String expectedLead(int i) {
        return i % 2 == 0 ? "HOUSING_CONSTRUCTION" : "DISTRICT_GOVERNMENT";
    }

    @Test
    void monitorsOverTheLimitOpenOneCaseEachForTheirSitesUnitAndTellTheSiteAndASilentOneAnOfflineCaseAcrossARestart()
            throws Exception {
        int count = OnlineMonitors.COUNT;
        // the registry: each monitor on a site of its own in Yanshi, ~400 m apart, away from the other suites' reports
        StringBuilder csv = new StringBuilder(
                "id,type,name,longitude,latitude,responsibleUnit,responsibleLeader,responsiblePerson,investmentWanYuan,monitors,"
                        + "responsibleMobile\n");
        for (int i = 1; i <= count; i++) {
            csv.append(String.format(Locale.ROOT, "MON-SITE-%04d,CONSTRUCTION_SITE,监测工地%d,%.4f,%.4f,某建设公司,张局长,李经理%d,%d,%s,%s%n",
                    i, i, 112.70 + ((i - 1) % 20) * 0.0045, 34.60 + ((i - 1) / 20) * 0.004, i, i % 2 == 0 ? 20_000 : 800, mn(i),
                    mobile(i)));
        }
        JsonHttp.Answer imported = new DispatchApi(system, "campaign").importSources(csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).doesNotContain(mobile(1));
        Smsc smsc = system.smsc().orElseThrow(() -> new IllegalStateException("the shared system sends over SMPP"));

        Set<String> over = IntStream.rangeClosed(1, count).filter(i -> i % 5 == 2).mapToObj(MonitorCasesIT::mn)
                .collect(Collectors.toCollection(TreeSet::new));
        String silent = mn(count);
        Ledger ledger = system.ledger();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
        try (MonitorSimulator monitors = OnlineMonitors.simulator().connect("127.0.0.1", system.monitoringPort())) {
            over.forEach(m -> monitors.monitor(m).exceed(OnlineMonitors.PM10_LIMIT * 1.5));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int minute = 0;
            boolean done = false;
            while (!done) {
                monitors.report(start.plusSeconds(60L * minute), Upload.MINUTE);
                if (minute == 1) {
                    monitors.monitor(silent).silence();
                }
                if (minute == RESTART_MINUTE) {
                    assertThat(cases(ledger, null)).as("no case before the restart").isEmpty();
                    // a crash of the stream processor's process; its receiver goes with it and the devices reconnect
                    system.runtime().kill(Component.COMPLAINT);
                    monitors.close();
                    system.runtime().restart(Component.COMPLAINT);
                    monitors.connect("127.0.0.1", system.monitoringPort());
                    deadline = System.nanoTime() + TIMEOUT.toNanos();
                }
                minute++;
                done = minute >= 60 && cases(ledger, "EXCEEDANCE").keySet().containsAll(over)
                        && cases(ledger, "OFFLINE").containsKey(silent)
                        && cases(ledger, null).values().stream().flatMap(List::stream).allMatch(c -> dispatch(ledger, c).isPresent());
                assertThat(System.nanoTime()).as("every case within " + TIMEOUT + ": exceeded " + cases(ledger, "EXCEEDANCE").keySet()
                        + ", offline " + cases(ledger, "OFFLINE").keySet()).isLessThan(deadline);
                Thread.sleep(250);
            }
            // more windows over the limit and more silence until the sites have heard of their cases, and three seconds
            // after: still one case and one SMS each. The others keep reporting, or they would go offline too.
            long toldBy = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            for (int quiet = 0; quiet < 12; minute++) {
                monitors.report(start.plusSeconds(60L * minute), Upload.MINUTE);
                if (over.stream().allMatch(m -> !texts(smsc, m).isEmpty()) && !texts(smsc, silent).isEmpty()) {
                    quiet++;
                }
                assertThat(System.nanoTime()).as("the sites' SMS: " + smsc.received().stream()
                        .filter(r -> r.destination().contains("1390018")).map(Smsc.Received::text).toList()).isLessThan(toldBy);
                Thread.sleep(250);
            }
        }

        Map<String, List<Observed>> exceeded = cases(ledger, "EXCEEDANCE");
        assertThat(exceeded.keySet()).as("monitors with an exceedance case").isEqualTo(over);
        exceeded.forEach((m, list) -> assertThat(list).as("exceedance cases of " + m).hasSize(1));
        assertThat(cases(ledger, "OFFLINE").get(silent)).as("offline cases of " + silent).hasSize(1);
        for (String m : over) {
            int i = Integer.parseInt(m.substring(2));
            Observed dispatched = dispatch(ledger, exceeded.get(m).get(0)).orElseThrow();
            assertThat(dispatched.text("sourceId")).as(m).isEqualTo(String.format(Locale.ROOT, "MON-SITE-%04d", i));
            assertThat(dispatched.text("leadDepartment")).as(m).isEqualTo(expectedLead(i));
        }
        Observed offline = dispatch(ledger, cases(ledger, "OFFLINE").get(silent).get(0)).orElseThrow();
        assertThat(offline.text("sourceId")).isEqualTo(String.format(Locale.ROOT, "MON-SITE-%04d", count));

        // the site's responsible person of each case heard of it once, by SMS; nobody else's site did
        for (String m : over) {
            int i = Integer.parseInt(m.substring(2));
            assertThat(texts(smsc, m)).as("to the site of " + m).singleElement().asString()
                    .contains("李经理" + i).contains("监测工地" + i).contains(m).contains("PM10超标")
                    .contains(exceeded.get(m).get(0).text("trackingNumber"));
        }
        assertThat(texts(smsc, silent)).as("to the site of " + silent).singleElement().asString()
                .contains(silent + "离线");
        IntStream.rangeClosed(1, count).mapToObj(MonitorCasesIT::mn).filter(m -> !over.contains(m) && !m.equals(silent))
                .forEach(m -> assertThat(texts(smsc, m)).as("to the site of undriven " + m).isEmpty());

        // the numbers themselves: in no event, and in no collection of any service
        Set<String> numbers = IntStream.rangeClosed(1, count).mapToObj(MonitorCasesIT::mobile).collect(Collectors.toSet());
        assertThat(ledger.count(o -> numbers.stream().anyMatch(n -> o.body().toString().contains(n)
                || o.headers().values().stream().anyMatch(h -> h.contains(n))))).as("events with a site's number").isZero();
        Set<String> told = new TreeSet<>(over);
        told.add(silent);
        for (String m : told) {
            Observed opened = dispatch(ledger, cases(ledger, null).get(m).get(0)).orElseThrow();
            String number = mobile(Integer.parseInt(m.substring(2)));
            assertThat(opened.body().path("siteContact").path("maskedMobile").asString()).as(m)
                    .isEqualTo(number.substring(0, 3) + "****" + number.substring(7));
            assertThat(opened.body().path("siteContact").path("sealedMobile").asString()).as(m).isNotBlank();
        }
        try (MongoClient client = MongoClients.create(system.layout().mongoUri())) {
            for (String database : DATABASES) {
                for (String collection : client.getDatabase(database).listCollectionNames()) {
                    if (collection.endsWith(".chunks")) {
                        continue; // uploads' bytes
                    }
                    for (Document d : client.getDatabase(database).getCollection(collection).find()) {
                        String json = d.toJson();
                        assertThat(numbers).as(database + "." + collection).noneMatch(json::contains);
                    }
                }
            }
        }
    }

    /** The texts the SMSC received for the site of this monitor. */
    private static List<String> texts(Smsc smsc, String mn) {
        String number = mobile(Integer.parseInt(mn.substring(2)));
        return smsc.received().stream().filter(r -> r.destination().endsWith(number)).map(Smsc.Received::text).toList();
    }

    /** The ONLINE_MONITORING complaints registered so far by monitor, of one fault kind (null: every kind). */
    private static Map<String, List<Observed>> cases(Ledger ledger, String kind) {
        return ledger.registeredComplaintIds().stream()
                .map(ledger::registrationOfComplaint).flatMap(Optional::stream)
                .filter(o -> "ONLINE_MONITORING".equals(o.text("channel")))
                .filter(o -> kind == null || kind.equals(o.body().path("monitor").path("kind").asString()))
                .collect(Collectors.groupingBy(o -> o.body().path("monitor").path("mn").asString()));
    }

    /** The CaseDispatched of the case the complaint was dispatched into, once dispatch decided. */
    private static Optional<Observed> dispatch(Ledger ledger, Observed registered) {
        return ledger.caseOf(registered.text("complaintId")).flatMap(ledger::caseDispatched);
    }
}
