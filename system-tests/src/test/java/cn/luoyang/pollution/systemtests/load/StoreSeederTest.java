package cn.luoyang.pollution.systemtests.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.testing.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seeder against the MongoDB wire-protocol server in memory, through the official driver. */
class StoreSeederTest {

    private static final StoreSeeder.Settings THIRTY_DAYS = StoreSeeder.Settings.defaults().withDays(30).withBatchSize(50);

    private MongoServer server;
    private String uri;
    private MongoClient client;
    // late in the city's day, so the copies have room to move within theirs
    private final Instant evening = LocalDate.now(SeedPlan.CITY_ZONE).atTime(20, 0).atZone(SeedPlan.CITY_ZONE).toInstant();
    private final String today = SeedPlan.format(LocalDate.now(SeedPlan.CITY_ZONE), 0).substring(0, 11);

    @BeforeEach
    void startStore() {
        server = EmbeddedMongo.inMemory();
        server.bind("127.0.0.1", 0);
        uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
        client = MongoClients.create(uri);
        MongoCollection<Document> complaints = client.getDatabase("complaints").getCollection("complaints");
        complaints.createIndex(Indexes.ascending("naturalKey"), new IndexOptions().unique(true));
        complaints.createIndex(Indexes.ascending("trackingNumber"), new IndexOptions().unique(true));
        client.getDatabase("complaints").getCollection("tracking_counters").insertOne(new Document("_id", today.substring(0, 10)).append("last", 9));
        client.getDatabase("dispatch").getCollection("rule_tables").insertOne(new Document("_id", 1).append("rules", List.of()));
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void threeTemplatesTimesAHundredLandEveryDocumentOnceWithoutADuplicateKey() {
        List<String> templates = List.of(store(1), store(2), store(3));
        store(4); // a lifecycle that is not a template stays out of the copies

        SeedTemplates captured = StoreSeeder.capture(uri, templates, Duration.ZERO);
        SeedReport report = StoreSeeder.seed(captured, 300, uri, THIRTY_DAYS);

        assertThat(captured.rejected()).isEmpty();
        assertThat(captured.lifecycles()).extracting(SeedTemplate::trackingNumber).containsExactlyElementsOf(templates);
        assertThat(captured.lifecycles()).allSatisfy(t -> assertThat(t.documents()).hasSize(13));
        assertThat(report.errorCount()).isZero();
        assertThat(report.documents()).isEqualTo(300 * 13);
        assertThat(report.documentsByCollection()).containsEntry("complaints.complaints", 300L)
                .containsEntry("enforcement.cases", 300L).containsEntry("notification.sms_messages", 900L)
                .containsEntry("notification.sent_sms", 900L).doesNotContainKey("complaints.tracking_counters");
        assertThat(count("complaints", "complaints")).isEqualTo(304);
        assertThat(count("notification", "sent_sms")).isEqualTo(4 * 3 + 900);
        assertThat(count("dispatch", "rule_tables")).isEqualTo(1);
        Set<String> trackingNumbers = new HashSet<>();
        for (Document complaint : client.getDatabase("complaints").getCollection("complaints").find()) {
            String tn = complaint.getString("trackingNumber");
            trackingNumbers.add(tn);
            if (!tn.startsWith(today)) {
                assertThat(SeedPlan.dayOf(tn)).isBefore(LocalDate.now(SeedPlan.CITY_ZONE));
                Document enforcementCase = client.getDatabase("enforcement").getCollection("cases").find(Filters.eq("_id", "CASE-" + tn)).first();
                assertThat(enforcementCase).as("the case of %s", tn).isNotNull();
                assertThat(enforcementCase.getList("complaintIds", String.class)).containsExactly(complaint.getString("_id"));
            }
        }
        assertThat(trackingNumbers).hasSize(304);
    }

    @Test
    void aSecondSeedOfTheSameDaysIsRefusedBeforeWritingAndOneWithHigherSequencesIsNot() {
        SeedTemplates captured = StoreSeeder.capture(uri, List.of(store(1), store(2)), Duration.ZERO);
        StoreSeeder.seed(captured, 100, uri, THIRTY_DAYS);

        assertThatThrownBy(() -> StoreSeeder.seed(captured, 100, uri, THIRTY_DAYS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seeded before");
        assertThat(count("complaints", "complaints")).isEqualTo(102);
        SeedReport again = StoreSeeder.seed(captured, 100, uri, THIRTY_DAYS.withFirstSequence(1_000));
        assertThat(again.errorCount()).isZero();
        assertThat(count("complaints", "complaints")).isEqualTo(202);
    }

    @Test
    void aLifecycleStillAtWorkOrSharingACaseWithAnotherTemplateIsNotCaptured() {
        String done = store(1);
        String busy = store(2);
        client.getDatabase("enforcement").getCollection("cases")
                .updateOne(Filters.eq("_id", "CASE-" + busy), new Document("$set", new Document("outboxPending", true)));
        String mergedA = store(3), mergedB = store(4);
        client.getDatabase("notification").getCollection("case_files").updateOne(Filters.eq("_id", "CASE-" + mergedA),
                new Document("$push", new Document("members", new Document("trackingNumber", mergedB))));

        SeedTemplates captured = StoreSeeder.capture(uri, List.of(done, busy, mergedA, mergedB, today + "-999999"), Duration.ZERO);

        assertThat(captured.lifecycles()).extracting(SeedTemplate::trackingNumber).containsExactly(done);
        assertThat(captured.rejected().get(busy)).contains("still working").contains("outboxPending");
        assertThat(captured.rejected().get(mergedA)).contains("another template");
        assertThat(captured.rejected().get(mergedB)).contains("another template");
        assertThat(captured.rejected().get(today + "-999999")).contains("no complaint");
    }

    @Test
    void aUniqueKeyTheRewriteDoesNotReachStopsTheSeedBeforeAnythingIsWritten() {
        client.getDatabase("notification").getCollection("reporter_contacts")
                .createIndex(Indexes.ascending("maskedPhone"), new IndexOptions().unique(true));
        SeedTemplates captured = StoreSeeder.capture(uri, List.of(store(1)), Duration.ZERO);

        assertThatThrownBy(() -> StoreSeeder.seed(captured, 10, uri, THIRTY_DAYS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("notification.reporter_contacts").hasMessageContaining("maskedPhone");
        assertThat(count("complaints", "complaints")).isEqualTo(1);
    }

    /** Stores a closed lifecycle received this evening with sequence {@code n}; returns its tracking number. */
    private String store(int n) {
        String tn = SeedPlan.format(LocalDate.now(SeedPlan.CITY_ZONE), n);
        for (SeedDocument d : SeedLifecycles.closed(tn, evening.plusSeconds(n)).documents()) {
            client.getDatabase(d.database()).getCollection(d.collection()).insertOne(d.document());
        }
        return tn;
    }

    private long count(String database, String collection) {
        return client.getDatabase(database).getCollection(collection).countDocuments();
    }
}
