package cn.luoyang.pollution.enforcement.console.sessions;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

/**
 * The console's sessions in MongoDB (Spring Session's {@link SessionRepository}), so that a person
 * signed in on one enforcement instance stays signed in when the next request lands on another.
 * One document per session: its times, an {@code expiresAt} that a TTL index lets MongoDB purge, and the
 * attributes (the signed-in person, the CSRF token, a login in progress) serialized by the JDK with an
 * allow-list of the classes Spring Security and the JDK put there. An expired session is never
 * returned, whether or not the server has purged it yet (the embedded server has no TTL monitor).
 */
public final class MongoSessions implements SessionRepository<MapSession> {

    private static final ObjectInputFilter ALLOWED =
            ObjectInputFilter.Config.createFilter("java.**;javax.**;org.springframework.**;cn.luoyang.**;!*");

    private final MongoCollection<Document> sessions;
    private final Duration maxInactive;

    public MongoSessions(MongoCollection<Document> sessions, Duration maxInactive) {
        this.sessions = sessions;
        this.maxInactive = maxInactive;
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public MapSession createSession() {
        // Spring Session itself reads the system clock (last access), so expiry does too, not the domain's clock
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(maxInactive);
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            // the id changed at sign-in (session fixation protection): the old id must stop working
            deleteById(session.getOriginalId());
        }
        Map<String, Object> attributes = new HashMap<>();
        session.getAttributeNames().forEach(name -> attributes.put(name, session.getAttribute(name)));
        Instant expiresAt = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        sessions.replaceOne(new Document("_id", session.getId()), new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("expiresAt", Date.from(expiresAt))
                .append("attributes", new Binary(serialize(attributes))), new ReplaceOptions().upsert(true));
    }

    @Override
    public MapSession findById(String id) {
        Document stored = sessions.find(new Document("_id", id)).first();
        if (stored == null) {
            return null;
        }
        MapSession session = new MapSession(id);
        session.setCreationTime(stored.getDate("createdAt").toInstant());
        session.setLastAccessedTime(stored.getDate("lastAccessedAt").toInstant());
        session.setMaxInactiveInterval(Duration.ofSeconds(stored.getLong("maxInactiveSeconds")));
        if (!session.getMaxInactiveInterval().isNegative()
                && session.getLastAccessedTime().plus(session.getMaxInactiveInterval()).isBefore(Instant.now())) {
            deleteById(id);
            return null;
        }
        deserialize(stored.get("attributes", Binary.class).getData()).forEach(session::setAttribute);
        return session;
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteOne(new Document("_id", id));
    }

    private static byte[] serialize(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("a session attribute cannot be stored", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(ALLOWED);
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a stored session cannot be read", e);
        }
    }
}
