package cn.luoyang.pollution.systemtests.load;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Object mother: closed complaint lifecycles shaped like the ones the four services store
 * (trimmed copies of documents read from a system-tests run): the complaint, the dispatch
 * decision and case file, the enforcement case, the notification case file, reporter contact,
 * SMS messages and gateway records, and the satisfaction survey.
 */
final class SeedLifecycles {

    static final String PHONE_HASH = "b9bde42722ae6c845b3a78d39b46633d7d7f7a2da3ae64d5a090bbe6785f48c9";
    static final String SEALED_PHONE = "AauocVq+TGCYVdJuJhIoNtjPv+6r03m2RBSMXfOgm+2XQka8DhR6yUoPK6Ei0qakfi6ZOTNIHk3l4LGqziJvrg==";

    /** What one lifecycle is made of, and the ids to find it by. */
    record Lifecycle(String trackingNumber, String complaintId, String ticket, List<SeedDocument> documents) {

        String caseId() {
            return "CASE-" + trackingNumber;
        }

        SeedTemplate template() {
            return new SeedTemplate(trackingNumber, complaintId, caseId(), ticket, "complaints.complaints", documents);
        }

        Document in(String namespace) {
            return documents.stream().filter(d -> d.namespace().equals(namespace)).findFirst().orElseThrow().document();
        }
    }

    /** A lifecycle received at {@code receivedAt} (late in the city's day is best: room to move back). */
    static Lifecycle closed(String trackingNumber, Instant receivedAt) {
        String complaintId = UUID.randomUUID().toString();
        String caseId = "CASE-" + trackingNumber;
        String ticket = "load-mx0o198s-" + trackingNumber.substring(13);
        String registered = UUID.randomUUID().toString(), dispatched = UUID.randomUUID().toString();
        String accepted = UUID.randomUUID().toString(), closedEvent = UUID.randomUUID().toString();
        Date observed = at(receivedAt, -600), received = at(receivedAt, 0), dispatchedAt = at(receivedAt, 2);
        Date acceptedAt = at(receivedAt, 60), closedAt = at(receivedAt, 3600), deadline = at(receivedAt, 20 * 86400);
        String gwRegistered = "rec-" + UUID.randomUUID(), gwDispatched = "rec-" + UUID.randomUUID(), gwClosed = "rec-" + UUID.randomUUID();
        String closedText = "【洛阳生态环境】您反映的问题（" + trackingNumber + "）已办结。请回复数字评价：1满意，2基本满意，3不满意。";

        Document complaint = new Document("_id", complaintId).append("trackingNumber", trackingNumber)
                .append("naturalKey", "wechat-miniapp:" + ticket)
                .append("fingerprint", "cc1827568252908f23b6d4d39bbffda26c7550981ff5c631aa83df906d34c0ea")
                .append("draft", new Document("sourceSystem", "wechat-miniapp").append("externalTicketId", ticket)
                        .append("category", "SOIL_ILLEGAL_DUMPING").append("observedAt", observed)
                        .append("location", new Document("longitude", 112.707).append("latitude", 34.828).append("datum", "GCJ02"))
                        .append("reporter", new Document("anonymous", false).append("sealedPhone", SEALED_PHONE)
                                .append("maskedPhone", "139****6751")))
                .append("receivedAt", received)
                .append("progress", new Document("status", "CLOSED").append("since", closedAt).append("caseId", caseId)
                        .append("history", List.of(
                                new Document("eventId", registered).append("status", "RECEIVED").append("occurredAt", received),
                                new Document("eventId", dispatched).append("status", "DISPATCHED").append("occurredAt", dispatchedAt)
                                        .append("caseId", caseId),
                                new Document("eventId", closedEvent).append("status", "CLOSED").append("occurredAt", closedAt))))
                .append("outbox", List.of());
        Document decision = new Document("_id", complaintId).append("trackingNumber", trackingNumber).append("outcome", "DISPATCHED")
                .append("caseId", caseId).append("decidedAt", dispatchedAt)
                .append("dispatched", new Document("eventId", dispatched).append("caseId", caseId).append("complaintId", complaintId));
        Document dispatchCase = new Document("_id", caseId).append("openingComplaintId", complaintId).append("trackingNumber", trackingNumber)
                .append("complaintIds", List.of(complaintId)).append("status", "CLOSED")
                .append("processedEventIds", List.of(closedEvent)).append("updatedAt", closedAt);
        Document enforcementCase = new Document("_id", caseId).append("version", 3L).append("trackingNumber", trackingNumber)
                .append("complaintIds", List.of(complaintId)).append("state", "CLOSED").append("openedAt", dispatchedAt)
                .append("evidenceFile", new ObjectId())
                .append("clocks", new Document("running", List.of(new Document("name", "CLOSE").append("startedAt", dispatchedAt)
                        .append("deadline", deadline).append("stoppedAt", closedAt))))
                .append("history", List.of(
                        new Document("seq", 1).append("action", "ACCEPTED").append("at", acceptedAt).append("eventId", accepted)
                                .append("hash", "6ead99b3647d0e14806d1b70aed292b19dd8a3c628c81aa387ccab3f2774a87f"),
                        new Document("seq", 2).append("action", "CLOSED").append("at", closedAt).append("eventId", closedEvent)))
                .append("outbox", List.of()).append("outboxPending", false);
        Document caseFile = new Document("_id", caseId).append("leadDepartment", "URBAN_MANAGEMENT")
                .append("members", List.of(new Document("complaintId", complaintId).append("trackingNumber", trackingNumber)));
        Document contact = new Document("_id", complaintId).append("trackingNumber", trackingNumber).append("anonymous", false)
                .append("sealedPhone", SEALED_PHONE).append("maskedPhone", "139****6751");
        return new Lifecycle(trackingNumber, complaintId, ticket, List.of(
                new SeedDocument("complaints", "complaints", complaint),
                new SeedDocument("dispatch", "decisions", decision),
                new SeedDocument("dispatch", "cases", dispatchCase),
                new SeedDocument("enforcement", "cases", enforcementCase),
                new SeedDocument("notification", "case_files", caseFile),
                new SeedDocument("notification", "reporter_contacts", contact),
                new SeedDocument("notification", "sms_messages", message(complaintId + "/REGISTERED/" + complaintId, complaintId, null,
                        "REGISTERED", received, gwRegistered, "受理编号" + trackingNumber)),
                new SeedDocument("notification", "sms_messages", message(caseId + "/DISPATCHED/" + complaintId, complaintId, caseId,
                        "DISPATCHED", dispatchedAt, gwDispatched, "您反映的问题（" + trackingNumber + "）已交城市管理局办理。")),
                new SeedDocument("notification", "sms_messages", message(caseId + "/CLOSED/" + complaintId, complaintId, caseId,
                        "CLOSED", closedAt, gwClosed, closedText)),
                new SeedDocument("notification", "sent_sms", sent(gwRegistered, complaintId + "/REGISTERED/" + complaintId, complaintId,
                        null, "REGISTERED", received)),
                new SeedDocument("notification", "sent_sms", sent(gwDispatched, caseId + "/DISPATCHED/" + complaintId, complaintId,
                        caseId, "DISPATCHED", dispatchedAt)),
                new SeedDocument("notification", "sent_sms", sent(gwClosed, caseId + "/CLOSED/" + complaintId, complaintId, caseId,
                        "CLOSED", closedAt)),
                new SeedDocument("notification", "surveys", new Document("_id", caseId + "/CLOSED/" + complaintId).append("caseId", caseId)
                        .append("complaintId", complaintId).append("phoneHash", PHONE_HASH).append("openedAt", closedAt)
                        .append("rating", null))));
    }

    private static Document message(String id, String complaintId, String caseId, String milestone, Date at, String gateway, String text) {
        return new Document("_id", id).append("complaintId", complaintId).append("caseId", caseId).append("milestone", milestone)
                .append("text", text).append("state", "SENT").append("notBefore", at).append("gatewayMessageId", gateway)
                .append("phoneHash", PHONE_HASH).append("sentAt", at);
    }

    private static Document sent(String id, String messageId, String complaintId, String caseId, String milestone, Date at) {
        return new Document("_id", id).append("messageId", messageId).append("complaintId", complaintId).append("caseId", caseId)
                .append("milestone", milestone).append("maskedPhone", "139****6751").append("sentAt", at);
    }

    private static Date at(Instant base, long seconds) {
        return Date.from(base.plusSeconds(seconds));
    }

    private SeedLifecycles() {
    }
}
