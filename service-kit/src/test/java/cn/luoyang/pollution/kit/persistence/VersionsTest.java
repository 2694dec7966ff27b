package cn.luoyang.pollution.kit.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.kit.InMemoryMongo;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.outbox.Outbox;
import cn.luoyang.pollution.kit.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** The kit's optimistic locking over the embedded MongoDB server. */
class VersionsTest {

    static final String COLLECTION = "things";
    static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    final InMemoryMongo server = new InMemoryMongo("kit");
    final MongoTemplate mongo = server.template();
    final Versions versions = new Versions(mongo, COLLECTION);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void an_insert_stores_version_1_and_a_second_insert_of_the_same_id_is_refused() {
        assertThat(versions.insert(new Document("_id", "A").append("colour", "red"))).isEqualTo(1);

        assertThat(versions.tryInsert(new Document("_id", "A").append("colour", "blue"))).isFalse();
        assertThatThrownBy(() -> versions.insert(new Document("_id", "A").append("colour", "blue")))
                .isInstanceOf(ConcurrentUpdate.class).hasMessageContaining("things").hasMessageContaining("A");
        assertThat(stored("A").getString("colour")).isEqualTo("red");
        assertThat(versions.of(stored("A"))).isEqualTo(1);
    }

    @Test
    void a_batch_insert_writes_the_new_documents_at_version_1_and_leaves_the_taken_ids_as_stored() {
        versions.insert(new Document("_id", "B").append("colour", "red"));

        java.util.Set<Object> written = versions.tryInsertAll(List.of(new Document("_id", "A").append("colour", "blue"),
                new Document("_id", "B").append("colour", "blue"), new Document("_id", "C").append("colour", "blue")));

        assertThat(written).containsExactly("A", "C");
        assertThat(stored("B").getString("colour")).as("a taken id keeps what was stored").isEqualTo("red");
        assertThat(stored("C").getString("colour")).as("written after the taken one: the bulk write is unordered").isEqualTo("blue");
        assertThat(versions.of(stored("A"))).isEqualTo(1);
    }

    @Test
    void an_update_at_the_version_read_raises_it_and_one_at_an_older_version_writes_nothing() {
        versions.insert(new Document("_id", "A").append("colour", "red"));

        assertThat(versions.update("A", 1, new Update().set("colour", "blue"))).isEqualTo(2);
        assertThat(versions.tryUpdate("A", 1, new Update().set("colour", "green"))).as("read at 1, stored is 2").isFalse();
        assertThatThrownBy(() -> versions.update("A", 1, new Update().set("colour", "green")))
                .isInstanceOf(ConcurrentUpdate.class)
                .satisfies(e -> assertThat(((ConcurrentUpdate) e).collection()).isEqualTo(COLLECTION))
                .satisfies(e -> assertThat(((ConcurrentUpdate) e).id()).isEqualTo("A"));

        assertThat(stored("A").getString("colour")).isEqualTo("blue");
        assertThat(versions.of(stored("A"))).isEqualTo(2);
    }

    @Test
    void an_update_of_a_missing_document_writes_nothing() {
        assertThat(versions.tryUpdate("nobody", 0, new Update().set("colour", "blue"))).isFalse();
        assertThat(mongo.getCollection(COLLECTION).countDocuments()).isZero();
    }

    @Test
    void a_document_stored_without_a_version_reads_as_version_0_and_takes_an_update_expecting_0() {
        mongo.insert(new Document("_id", "old").append("colour", "red"), COLLECTION);
        assertThat(versions.of(stored("old"))).isZero();

        assertThat(versions.tryUpdate("old", 0, new Update().set("colour", "blue"))).isTrue();
        assertThat(versions.tryUpdate("old", 0, new Update().set("colour", "green"))).isFalse();
        assertThat(versions.of(stored("old"))).isEqualTo(1);
        assertThat(stored("old").getString("colour")).isEqualTo("blue");
    }

    @Test
    void a_version_inside_an_embedded_document_is_set_raised_and_read_at_its_path() {
        Versions nested = new Versions(mongo, COLLECTION, "progress.version");
        nested.insert(new Document("_id", "A").append("progress", new Document("status", "RECEIVED")));
        assertThat(nested.of(stored("A"))).isEqualTo(1);

        assertThat(nested.tryUpdate("A", 1, new Update().set("progress.status", "CLOSED"))).isTrue();
        assertThat(nested.tryUpdate("A", 1, new Update().set("progress.status", "REOPENED"))).isFalse();
        assertThat(stored("A").get("progress", Document.class)).containsEntry("status", "CLOSED").containsEntry("version", 2L);
    }

    @Test
    void the_outbox_entries_pushed_onto_an_update_are_written_only_with_the_change_they_announce() {
        Outbox outbox = new Outbox(new EventCodec());
        versions.insert(new Document("_id", "A").append("state", "NEW"));
        OutboxEntry accepted = new OutboxEntry(
                new CaseAccepted("e-1", "A", "HJJ", new Actor("zj", "HANDLER", "HJJ@410305"), T0, CaseAccepted.VERSION),
                "cases.lifecycle", T0);

        assertThat(versions.tryUpdate("A", 1, outbox.push(new Update().set("state", "ACCEPTED"), List.of(accepted)))).isTrue();
        assertThat(versions.tryUpdate("A", 1, outbox.push(new Update().set("state", "LOST"), List.of(accepted)))).isFalse();

        Document stored = stored("A");
        assertThat(stored.getString("state")).isEqualTo("ACCEPTED");
        assertThat(stored.getList(Outbox.FIELD, Document.class)).extracting(d -> d.getString("eventId")).containsExactly("e-1");
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }
}
