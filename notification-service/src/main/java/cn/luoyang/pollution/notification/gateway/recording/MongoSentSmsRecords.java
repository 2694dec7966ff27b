package cn.luoyang.pollution.notification.gateway.recording;

import com.mongodb.client.MongoCollection;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** {@code sent_sms}: what the recording gateway "sent", one document per message (masked number only). */
public class MongoSentSmsRecords implements SentSmsRecords {

    public static final String COLLECTION = "sent_sms";

    private final MongoCollection<Document> collection;

    public MongoSentSmsRecords(MongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION);
    }

    @Override
    public void record(Record r) {
        collection.insertOne(new Document("_id", r.gatewayMessageId())
                .append("messageId", r.messageId())
                .append("complaintId", r.complaintId())
                .append("caseId", r.caseId())
                .append("milestone", r.milestone())
                .append("maskedPhone", r.maskedPhone())
                .append("text", r.text())
                .append("sentAt", Date.from(r.sentAt())));
    }
}
