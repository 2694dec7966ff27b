package cn.luoyang.pollution.dispatch.registry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.dispatch.registry.PollutionSource;
import cn.luoyang.pollution.dispatch.registry.SourceType;
import cn.luoyang.pollution.dispatch.support.World;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A source stored the way the registry wrote it before it mapped fields itself loads whole; the fields are unchanged. */
class SourceDocumentsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + bound(server));
    private final MongoTemplate mongo = new MongoTemplate(client, "dispatch");

    private static int bound(MongoServer server) {
        server.bind("127.0.0.1", 0);
        return server.getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void sourcesStoredInTodaysShapeLoadWholeAndAreWrittenWithTheSameFields() {
        MongoSources sources = new MongoSources(mongo);
        for (PollutionSource source : List.of(
                new PollutionSource("SITE-1", SourceType.CONSTRUCTION_SITE, "工地 1", 112.4, 34.6, "410305", "南昌路", "某建设公司",
                        "张局长", "李经理", 6000L, "TRANSPORT", null, World.MORNING, List.of("LY0001")),
                new PollutionSource("OUT-1", SourceType.SEWAGE_OUTLET, "排污口 1", 112.5, 34.7, "410311", null, "某单位", null, null,
                        null, null, "洛河", World.MORNING, List.of()))) {
            Document former = new Document();
            mongo.getConverter().write(source, former);
            mongo.insert(former, MongoSources.COLLECTION);

            assertThat(sources.byId(source.id())).contains(source);
            former.remove("_class");
            assertThat(SourceDocuments.document(source)).isEqualTo(former);
        }
        assertThat(sources.all()).hasSize(2);
    }
}
