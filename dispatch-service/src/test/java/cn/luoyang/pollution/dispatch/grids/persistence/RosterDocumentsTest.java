package cn.luoyang.pollution.dispatch.grids.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.dispatch.GridTeam;
import cn.luoyang.pollution.dispatch.grids.Roster;
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

/** A roster version stored the way the store wrote it before it mapped fields itself loads whole; the fields are unchanged. */
class RosterDocumentsTest {

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
    void aRosterStoredInTodaysShapeLoadsWholeAndIsWrittenWithTheSameFields() {
        Roster roster = new Roster(2, List.of(
                new GridTeam("410305-0017", new GridTeam.Member("lead-17", "网格长 李强"), List.of(new GridTeam.Member("grid-jianxi", "网格员 周杰"))),
                new GridTeam("410305-0018", null, List.of())), "campaign", "import", World.MORNING);
        Document former = new Document();
        mongo.getConverter().write(new FormerRoster(2, roster), former);
        mongo.insert(former, MongoRosters.COLLECTION);

        assertThat(new MongoRosters(mongo).version(2)).contains(roster);
        former.remove("_class");
        assertThat(RosterDocuments.document(roster)).isEqualTo(former);
    }

    /** The holder the store wrote before. */
    record FormerRoster(Integer id, Roster roster) {
    }
}
