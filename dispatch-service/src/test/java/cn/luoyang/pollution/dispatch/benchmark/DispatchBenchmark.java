package cn.luoyang.pollution.dispatch.benchmark;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.dispatch.dispatching.Complaint;
import cn.luoyang.pollution.dispatch.dispatching.Decision;
import cn.luoyang.pollution.dispatch.duplicates.OpenCase;
import cn.luoyang.pollution.dispatch.geo.ChinaDatum;
import cn.luoyang.pollution.dispatch.geo.LonLat;
import cn.luoyang.pollution.dispatch.jurisdiction.District;
import cn.luoyang.pollution.dispatch.registry.SourceDraft;
import cn.luoyang.pollution.dispatch.registry.SourceType;
import cn.luoyang.pollution.dispatch.support.World;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Decisions per second and latency per decision on one thread, with the Luoyang district polygons,
 * the 3,428-cell demonstration grid, 10,000 registered sources and 2,000 open cases as merge
 * targets. Complaints: random points in the city (half WGS-84, half GCJ-02), one in ten by address
 * text only, every category of the catalogue. Run: see dispatch-service/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class DispatchBenchmark {

    private static final int COMPLAINTS = 1 << 14;
    private static final String[] ADDRESSES = {"涧西区长安路", "宜阳县柳泉镇南边", "老城区西关街道", "嵩县城关镇", "白马寺附近",
            "洛龙区开元大道", "城关镇北街"};

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private World world;
    private Complaint[] complaints;
    private int next;

    @Setup
    public void setUp() {
        world = new World();
        Random random = new Random(42);
        List<District> districts = world.jurisdiction.districts().all().stream().filter(d -> d.boundary() != null).toList();
        List<PreparedGeometry> shapes = districts.stream().map(d -> PreparedGeometryFactory.prepare(d.boundary())).toList();
        Envelope city = new Envelope();
        districts.forEach(d -> city.expandToInclude(d.boundary().getEnvelopeInternal()));

        List<SourceDraft> sources = new ArrayList<>();
        SourceType[] types = SourceType.values();
        for (int i = 0; i < 10_000; i++) {
            LonLat p = pointInCity(random, city, shapes);
            SourceType type = types[i % types.length];
            sources.add(new SourceDraft("SRC-" + i, type.name(), "source " + i, p.longitude(), p.latitude(), "GCJ02", null,
                    "unit", "leader", "person", type == SourceType.CONSTRUCTION_SITE ? (long) random.nextInt(20_000) : null,
                    i % 50 == 0 ? "TRANSPORT" : null, null));
        }
        world.registry.importAll(sources);

        List<String> categories = world.catalogue.categories().stream().map(c -> c.code()).toList();
        Instant now = World.MORNING;
        for (int i = 0; i < 2_000; i++) {
            world.openCases.add(new OpenCase("CASE-" + i, categories.get(i % categories.size()),
                    pointInCity(random, city, shapes), now.minus(Duration.ofMinutes(random.nextInt(48 * 60)))));
        }

        complaints = new Complaint[COMPLAINTS];
        for (int i = 0; i < COMPLAINTS; i++) {
            String category = categories.get(random.nextInt(categories.size()));
            Instant at = now.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
            if (i % 10 == 0) {
                complaints[i] = new Complaint("c" + i, "T" + i, category, null, ADDRESSES[i % ADDRESSES.length], "扬尘", at, null);
                continue;
            }
            LonLat gcj = pointInCity(random, city, shapes);
            GeoPoint location = i % 2 == 0 ? new GeoPoint(gcj.longitude(), gcj.latitude(), GeoPoint.Datum.GCJ02)
                    : wgs(gcj);
            complaints[i] = new Complaint("c" + i, "T" + i, category, location, null, "扬尘", at, null);
        }
    }

    private static GeoPoint wgs(LonLat gcj) {
        LonLat w = ChinaDatum.gcj02ToWgs84(gcj);
        return new GeoPoint(w.longitude(), w.latitude(), GeoPoint.Datum.WGS84);
    }

    private static LonLat pointInCity(Random random, Envelope city, List<PreparedGeometry> shapes) {
        while (true) {
            double lon = city.getMinX() + random.nextDouble() * city.getWidth();
            double lat = city.getMinY() + random.nextDouble() * city.getHeight();
            Point point = GEOMETRY.createPoint(new Coordinate(lon, lat));
            for (PreparedGeometry shape : shapes) {
                if (shape.contains(point)) {
                    return new LonLat(lon, lat);
                }
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Decision decisionsPerSecond() {
        return world.dispatcher.decide(complaints[next++ & (COMPLAINTS - 1)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Decision latencyPerDecision() {
        return world.dispatcher.decide(complaints[next++ & (COMPLAINTS - 1)]);
    }

    /**
     * First the decision cost in CPU time of this thread (what "one core" can do even when the
     * machine is shared and the wall clock is not), then the JMH run (wall-clock throughput and
     * sampled latency). Argument {@code cpu} skips JMH.
     */
    public static void main(String[] args) throws RunnerException {
        DispatchBenchmark state = new DispatchBenchmark();
        state.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            int decisions = 10 * COMPLAINTS;
            for (int i = 0; i < decisions; i++) {
                state.decisionsPerSecond();
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            System.out.printf(Locale.ROOT, "%s round %d: %,.0f decisions per CPU-second (%.2f us CPU/decision), %,.0f per wall-second%n",
                    round < 3 ? "warm-up" : "cpu-time", round, decisions / cpuSeconds, cpuSeconds * 1e6 / decisions,
                    decisions / wallSeconds);
        }
        if (args.length > 0 && args[0].equals("cpu")) {
            return;
        }
        new Runner(new OptionsBuilder().include(DispatchBenchmark.class.getName() + ".*").build()).run();
    }
}
