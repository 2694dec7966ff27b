package cn.luoyang.pollution.systemtests.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class SeedPatternTest {

    private static final Pattern IDENTITY = Pattern.compile("LY\\d{8}-\\d{6}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // 20:00 in Luoyang on 20 November: the lifecycle has the whole evening of its day to move within
    private final SeedLifecycles.Lifecycle template = SeedLifecycles.closed("LY20261120-000042", Instant.parse("2026-11-20T12:00:00Z"));
    private final SeedPattern pattern = SeedPattern.compile(template.template());
    private final LocalDate day = LocalDate.of(2026, 6, 1);

    @Test
    void aCopyPointsEveryReferenceAtItsOwnNewIds() {
        Copy copy = copy("LY20260601-000007");
        String complaintId = copy.in("complaints.complaints").getString("_id");
        String caseId = "CASE-LY20260601-000007";

        assertThat(complaintId).isNotEqualTo(template.complaintId()).matches(IDENTITY);
        assertThat(copy.in("dispatch.decisions").getString("_id")).isEqualTo(complaintId);
        assertThat(copy.in("dispatch.cases").getString("_id")).isEqualTo(caseId);
        assertThat(copy.in("dispatch.cases").getString("openingComplaintId")).isEqualTo(complaintId);
        assertThat(copy.in("enforcement.cases").getString("_id")).isEqualTo(caseId);
        assertThat(copy.in("enforcement.cases").getList("complaintIds", String.class)).containsExactly(complaintId);
        assertThat(copy.in("notification.case_files").getString("_id")).isEqualTo(caseId);
        assertThat(copy.in("notification.reporter_contacts").getString("_id")).isEqualTo(complaintId);
        assertThat(copy.all("notification.sms_messages").stream().map(d -> d.getString("_id")))
                .containsExactly(complaintId + "/REGISTERED/" + complaintId, caseId + "/DISPATCHED/" + complaintId, caseId + "/CLOSED/" + complaintId);
        // the gateway's record and the message still name each other
        List<Document> messages = copy.all("notification.sms_messages"), records = copy.all("notification.sent_sms");
        for (int i = 0; i < 3; i++) {
            assertThat(records.get(i).getString("_id")).isEqualTo(messages.get(i).getString("gatewayMessageId"));
            assertThat(records.get(i).getString("messageId")).isEqualTo(messages.get(i).getString("_id"));
        }
        // one event, one new id, wherever it is quoted
        Document complaint = copy.in("complaints.complaints");
        List<Document> history = complaint.get("progress", Document.class).getList("history", Document.class);
        assertThat(copy.in("dispatch.decisions").get("dispatched", Document.class).getString("eventId"))
                .isEqualTo(history.get(1).getString("eventId"));
        assertThat(copy.in("dispatch.cases").getList("processedEventIds", String.class))
                .containsExactly(history.get(2).getString("eventId"));
        assertThat(complaint.getString("naturalKey")).isEqualTo("wechat-miniapp:" + complaint.get("draft", Document.class).getString("externalTicketId"));
        assertThat(copy.all("notification.sent_sms").get(0).getString("_id")).startsWith("rec-");
        assertThat(messages.get(2).getString("text")).contains("（LY20260601-000007）").doesNotContain(template.trackingNumber());
    }

    @Test
    void twoCopiesShareNoIdentityWithEachOtherNorWithTheTemplate() {
        Set<Object> original = identities(template.documents().stream().map(SeedDocument::document).toList());
        Set<Object> first = identities(copy("LY20260601-000001").documents());
        Set<Object> second = identities(copy("LY20260601-000002").documents());

        assertThat(first).hasSameSizeAs(original).doesNotContainAnyElementsOf(original).doesNotContainAnyElementsOf(second);
        assertThat(second).doesNotContainAnyElementsOf(original);
        assertThat(copy("LY20260601-000001").in("complaints.complaints").getString("naturalKey"))
                .isNotEqualTo(copy("LY20260601-000002").in("complaints.complaints").getString("naturalKey"))
                .isNotEqualTo(template.in("complaints.complaints").getString("naturalKey"));
    }

    @Test
    void everyDateMovesBackByTheSameAmountAndTheCopyIsReceivedOnItsOwnDay() {
        Copy copy = copy("LY20260601-000003");
        List<Date> before = dates(template.documents().stream().map(SeedDocument::document).toList());
        List<Date> after = dates(copy.documents());

        assertThat(after).hasSameSizeAs(before);
        long shift = before.get(0).getTime() - after.get(0).getTime();
        for (int i = 0; i < before.size(); i++) {
            assertThat(before.get(i).getTime() - after.get(i).getTime()).as("date %d", i).isEqualTo(shift);
        }
        assertThat(shift).isGreaterThanOrEqualTo((LocalDate.of(2026, 11, 20).toEpochDay() - day.toEpochDay()) * 86_400_000L);
        Date received = copy.in("complaints.complaints").getDate("receivedAt");
        Date observed = copy.in("complaints.complaints").get("draft", Document.class).getDate("observedAt");
        assertThat(LocalDate.ofInstant(received.toInstant(), SeedPlan.CITY_ZONE)).isEqualTo(day);
        assertThat(LocalDate.ofInstant(observed.toInstant(), SeedPlan.CITY_ZONE)).isEqualTo(day);
    }

    @Test
    void hashesTheSealedPhoneAndWhatWasReportedStayAsTheyWere() {
        Copy copy = copy("LY20260601-000004");
        Document draft = copy.in("complaints.complaints").get("draft", Document.class);

        assertThat(draft.get("reporter", Document.class).getString("sealedPhone")).isEqualTo(SeedLifecycles.SEALED_PHONE);
        assertThat(draft.getString("category")).isEqualTo("SOIL_ILLEGAL_DUMPING");
        assertThat(copy.in("notification.surveys").getString("phoneHash")).isEqualTo(SeedLifecycles.PHONE_HASH);
        assertThat(copy.in("complaints.complaints").getString("fingerprint"))
                .isEqualTo(template.in("complaints.complaints").getString("fingerprint"));
        assertThat(copy.in("enforcement.cases").getList("history", Document.class).get(0).getString("hash"))
                .isEqualTo("6ead99b3647d0e14806d1b70aed292b19dd8a3c628c81aa387ccab3f2774a87f");
    }

    @Test
    void aLifecycleThatQuotesAnotherTrackingNumberCannotBeCopiedAlone() {
        List<SeedDocument> documents = new ArrayList<>(template.documents());
        documents.add(new SeedDocument("notification", "case_files", new Document("_id", template.caseId())
                .append("members", List.of(new Document("trackingNumber", template.trackingNumber()),
                        new Document("trackingNumber", "LY20261120-000043")))));
        SeedTemplate merged = new SeedTemplate(template.trackingNumber(), template.complaintId(), template.caseId(), template.ticket(),
                "complaints.complaints", documents);

        assertThatThrownBy(() -> SeedPattern.compile(merged)).isInstanceOf(SeedPattern.ForeignLifecycle.class)
                .hasMessageContaining("LY20261120-000043");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private record Copy(List<SeedDocument> origin, List<Document> documents) {
        Document in(String namespace) {
            return all(namespace).get(0);
        }

        List<Document> all(String namespace) {
            List<Document> found = new ArrayList<>();
            for (int i = 0; i < origin.size(); i++) {
                if (origin.get(i).namespace().equals(namespace)) {
                    found.add(documents.get(i));
                }
            }
            return found;
        }
    }

    private Copy copy(String trackingNumber) {
        return new Copy(template.documents(), pattern.instantiate(trackingNumber, day, new SplittableRandom(trackingNumber.hashCode())));
    }

    /** Every tracking number, UUID and ObjectId anywhere in the documents. */
    private static Set<Object> identities(List<Document> documents) {
        Set<Object> found = new HashSet<>();
        documents.forEach(d -> walk(d, v -> {
            if (v instanceof String s) {
                Matcher m = IDENTITY.matcher(s);
                while (m.find()) {
                    found.add(m.group());
                }
            } else if (v instanceof ObjectId id) {
                found.add(id);
            }
        }));
        return found;
    }

    private static List<Date> dates(List<Document> documents) {
        List<Date> found = new ArrayList<>();
        documents.forEach(d -> walk(d, v -> {
            if (v instanceof Date date) {
                found.add(date);
            }
        }));
        return found;
    }

    private static void walk(Object value, java.util.function.Consumer<Object> leaf) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                leaf.accept(k);
                walk(v, leaf);
            });
        } else if (value instanceof List<?> l) {
            l.forEach(v -> walk(v, leaf));
        } else {
            leaf.accept(value);
        }
    }
}
