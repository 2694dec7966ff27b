package cn.luoyang.pollution.systemtests.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.bson.Document;

/**
 * Fills the store with history for issue 7's second benchmark run ("with 1,000,000 complaints,
 * and their cases and messages, already stored"): real lifecycles, driven to CLOSED through the
 * running system, are read back from every service database ({@link #capture}) and copied many
 * times over ({@link #seed}) with fresh identities, valid tracking numbers of past days and every
 * date moved back, straight into MongoDB with the official driver. The copies are closed,
 * finished history: no clock runs, nothing is due, no outbox waits, so the services never touch
 * them except through the queries the benchmark exercises.
 *
 * <p>Alone against a running {@code ./run} (which prints its Mongo URI), after a few complaints were
 * closed there: {@code java -cp ... cn.luoyang.pollution.systemtests.load.StoreSeeder --mongo
 * mongodb://127.0.0.1:27017 --total 1000000 --closed 20} (see system-tests' README).
 */
public final class StoreSeeder {

    /**
     * @param days          how many past days the lifecycles are spread over (the day before
     *                      seeding and back)
     * @param firstSequence the first per-day sequence number; raise it to seed a store again
     * @param batchSize     documents per {@code insertMany}
     * @param writerThreads concurrent {@code insertMany} calls
     */
    public record Settings(int days, int firstSequence, int batchSize, int writerThreads) {

        public static Settings defaults() {
            return new Settings(365, 1, 1_000, 3);
        }

        public Settings withFirstSequence(int first) {
            return new Settings(days, first, batchSize, writerThreads);
        }

        public Settings withDays(int n) {
            return new Settings(n, firstSequence, batchSize, writerThreads);
        }

        public Settings withBatchSize(int n) {
            return new Settings(days, firstSequence, n, writerThreads);
        }

        public Settings withWriterThreads(int n) {
            return new Settings(days, firstSequence, batchSize, n);
        }
    }

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private StoreSeeder() {
    }

    /** {@link #capture(String, Collection, Duration)} waiting up to a minute for the lifecycles to settle. */
    public static SeedTemplates capture(String mongoUri, Collection<String> templateTrackingNumbers) {
        return capture(mongoUri, templateTrackingNumbers, Duration.ofMinutes(1));
    }

    /**
     * Reads the lifecycles of these complaints (each closed, its SMS sent) from every service
     * database. A lifecycle that still has work in flight (an outbox, a running clock, a queued
     * message) is read again every two seconds until {@code settle} is over, then refused; so is
     * one that shares a document with another template (a merged case) or is not found.
     */
    public static SeedTemplates capture(String mongoUri, Collection<String> templateTrackingNumbers, Duration settle) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            long t0 = System.nanoTime();
            SeedTemplates templates = new SeedCapture(client).capture(templateTrackingNumbers, settle);
            templates.rejected().forEach((tn, why) -> System.out.println("store-seeder: template " + tn + " refused: " + why));
            System.out.printf(Locale.ROOT, "store-seeder: %d template lifecycles, %d documents each round, read in %.1f s%n",
                    templates.lifecycles().size(), templates.documentsPerRound(), (System.nanoTime() - t0) / 1e9);
            return templates;
        }
    }

    /** Up to {@code limit} tracking numbers of closed complaints in the store (for a run of the seeder alone). */
    public static List<String> closedTrackingNumbers(String mongoUri, int limit) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            return SeedCapture.closedTrackingNumbers(client, limit);
        }
    }

    public static SeedReport seed(SeedTemplates templates, long totalComplaints, String mongoUri) {
        return seed(templates, totalComplaints, mongoUri, Settings.defaults());
    }

    /**
     * Writes {@code totalComplaints} copies of the templates' lifecycles, the templates taking
     * turns, spread over the {@code settings.days()} days before today. Refuses before writing
     * anything if a copy would keep a template's {@code _id} or unique key, or if the store already
     * holds the first tracking number planned for one of the days (seeded before: raise
     * {@code firstSequence}).
     */
    public static SeedReport seed(SeedTemplates templates, long totalComplaints, String mongoUri, Settings settings) {
        if (templates.lifecycles().isEmpty()) {
            throw new IllegalArgumentException("no template lifecycle to copy (refused: " + templates.rejected() + ")");
        }
        List<SeedPattern> patterns = templates.lifecycles().stream().map(SeedPattern::compile).toList();
        SeedPlan plan = new SeedPlan(patterns.size(), totalComplaints, LocalDate.now(SeedPlan.CITY_ZONE), settings.days(),
                settings.firstSequence());
        // a fresh seed every time: a second seed of the same store must not draw the first one's UUIDs again
        SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
        patterns.forEach(p -> SeedIdentityCheck.everyUniqueKeyChanges(p, templates.uniqueKeys(), random.split()));
        try (MongoClient client = MongoClients.create(mongoUri)) {
            refuseIfSeededBefore(client, templates.lifecycles().get(0).complaintNamespace(), plan);
            long t0 = System.nanoTime();
            long nextProgress = t0 + PROGRESS_EVERY.toNanos();
            SeedWriter writer = new SeedWriter(client, settings.batchSize(), settings.writerThreads());
            try (writer) {
                for (long i = 0; i < totalComplaints; i++) {
                    SeedPattern pattern = patterns.get(plan.templateOf(i));
                    List<Document> clone = pattern.instantiate(plan.trackingNumberOf(i), plan.dayOf(i), random);
                    List<SeedDocument> origin = pattern.template().documents();
                    for (int d = 0; d < clone.size(); d++) {
                        writer.add(origin.get(d).database(), origin.get(d).collection(), clone.get(d));
                    }
                    if (System.nanoTime() > nextProgress) {
                        nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                        double s = (System.nanoTime() - t0) / 1e9;
                        System.out.printf(Locale.ROOT, "store-seeder: %,d / %,d lifecycles made, %,d documents written, %,.0f documents/s, %d errors%n",
                                i + 1, totalComplaints, writer.written(), writer.written() / s, writer.errorCount());
                    }
                }
            }
            SeedReport report = new SeedReport(totalComplaints, patterns.size(), writer.writtenByCollection(),
                    (System.nanoTime() - t0) / 1e9, writer.errorCount(), writer.errors());
            System.out.print("store-seeder: " + report);
            return report;
        }
    }

    private static void refuseIfSeededBefore(MongoClient client, String complaintNamespace, SeedPlan plan) {
        int dot = complaintNamespace.indexOf('.');
        var complaints = client.getDatabase(complaintNamespace.substring(0, dot)).getCollection(complaintNamespace.substring(dot + 1));
        for (String tn : plan.firstOfEachDay()) {
            if (complaints.find(Filters.eq("trackingNumber", tn)).first() != null) {
                throw new IllegalStateException("the store already holds " + tn + ", planned for this seed: seeded before? "
                        + "use a fresh store or a higher firstSequence");
            }
        }
    }

    /**
     * {@code --mongo URI} (default {@code MONGODB_URI} or mongodb://127.0.0.1:27017), {@code --total N}
     * (default 1,000,000), {@code --closed K} (take K closed complaints of the store as templates;
     * default 20 when no tracking numbers are given), {@code --days D}, {@code --first-sequence S},
     * {@code --threads T}, {@code --batch B}, then optional template tracking numbers.
     */
    public static void main(String[] args) {
        String mongo = Objects.requireNonNullElse(System.getenv("MONGODB_URI"), "mongodb://127.0.0.1:27017");
        long total = 1_000_000;
        int closed = 0;
        Settings settings = Settings.defaults();
        List<String> trackingNumbers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mongo" -> mongo = args[++i];
                case "--total" -> total = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--closed" -> closed = Integer.parseInt(args[++i]);
                case "--days" -> settings = settings.withDays(Integer.parseInt(args[++i]));
                case "--first-sequence" -> settings = settings.withFirstSequence(Integer.parseInt(args[++i]));
                case "--threads" -> settings = settings.withWriterThreads(Integer.parseInt(args[++i]));
                case "--batch" -> settings = settings.withBatchSize(Integer.parseInt(args[++i]));
                default -> trackingNumbers.add(args[i]);
            }
        }
        if (trackingNumbers.isEmpty()) {
            trackingNumbers.addAll(closedTrackingNumbers(mongo, closed > 0 ? closed : 20));
        } else if (closed > 0) {
            trackingNumbers.addAll(closedTrackingNumbers(mongo, closed));
        }
        SeedTemplates templates = capture(mongo, trackingNumbers);
        SeedReport report = seed(templates, total, mongo, settings);
        System.exit(report.errorCount() == 0 ? 0 : 1);
    }
}
