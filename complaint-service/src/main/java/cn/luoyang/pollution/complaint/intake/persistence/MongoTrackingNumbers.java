package cn.luoyang.pollution.complaint.intake.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import cn.luoyang.pollution.complaint.intake.TrackingNumbers;
import java.time.LocalDate;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Per-day counters in {@code tracking_counters}, taken in blocks with one atomic {@code $inc}:
 * each replica owns the numbers of its block, so numbers stay unique across replicas and
 * restarts without a round trip per complaint. A restart forfeits the rest of a block (gaps).
 */
public class MongoTrackingNumbers implements TrackingNumbers {

    static final String COLLECTION = "tracking_counters";

    private final MongoTemplate mongo;
    private final int blockSize;
    private LocalDate day;
    private long nextInBlock;
    private long endOfBlock;

    public MongoTrackingNumbers(MongoTemplate mongo, int blockSize) {
        this.mongo = mongo;
        this.blockSize = blockSize;
    }

    @Override
    public synchronized String next(LocalDate today) {
        if (!today.equals(day) || nextInBlock > endOfBlock) {
            String key = TrackingNumbers.format(today, 0).substring(0, 10);
            Document counter = mongo.findAndModify(query(where("_id").is(key)), new Update().inc("last", blockSize),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            endOfBlock = ((Number) counter.get("last")).longValue();
            nextInBlock = endOfBlock - blockSize + 1;
            day = today;
        }
        return TrackingNumbers.format(today, nextInBlock++);
    }
}
