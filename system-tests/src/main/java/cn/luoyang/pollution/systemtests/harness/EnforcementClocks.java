package cn.luoyang.pollution.systemtests.harness;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The deadline clocks of enforcement-service's cases, read from its own collection
 * {@code enforcement.cases} (one document per case; {@code clocks.running} lists every clock the
 * case has run: {@code name} SIGN / ONSITE / CLOSE, {@code generation}, {@code deadline},
 * {@code stoppedAt} absent while it runs). A case runs its 签收 (SIGN) and 办结 (CLOSE) clocks side by
 * side by design; what must never happen is the SAME clock running twice (two overdue alarms, two
 * escalations for one deadline), which is what a doubled CaseDispatched or a racing scheduler would leave.
 */
public final class EnforcementClocks implements AutoCloseable {

    /** Cases read (those with clocks) and, of them, the cases with one clock running more than once. */
    public record Check(int casesRead, int twoRunningClocks) {
    }

    private final MongoClient client;
    private final MongoCollection<Document> cases;

    public EnforcementClocks(String mongoUri) {
        this.client = MongoClients.create(mongoUri);
        this.cases = client.getDatabase("enforcement").getCollection("cases");
    }

    /** Reads the given cases by {@code _id} ({@code $in}, 500 at a time). */
    public Check check(Collection<String> caseIds) {
        List<String> ids = new ArrayList<>(caseIds);
        int read = 0, doubled = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
            for (Document c : cases.find(Filters.in("_id", batch)).projection(Projections.include("clocks.running"))) {
                Document clocks = c.get("clocks", Document.class);
                List<Document> running = clocks == null ? null : clocks.getList("running", Document.class);
                if (running == null) {
                    continue;
                }
                read++;
                doubled += twoRunning(running) ? 1 : 0;
            }
        }
        return new Check(read, doubled);
    }

    static boolean twoRunning(List<Document> clocks) {
        Map<Object, Integer> runningByName = new HashMap<>();
        for (Document clock : clocks) {
            if (clock.get("stoppedAt") == null) {
                runningByName.merge(clock.get("name"), 1, Integer::sum);
            }
        }
        return runningByName.values().stream().anyMatch(n -> n > 1);
    }

    @Override
    public void close() {
        client.close();
    }
}
