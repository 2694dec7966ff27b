package cn.luoyang.pollution.complaint.open311.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import cn.luoyang.pollution.complaint.intake.Complaint;
import cn.luoyang.pollution.complaint.intake.PhoneRedaction;
import cn.luoyang.pollution.complaint.intake.persistence.MongoComplaints;
import cn.luoyang.pollution.complaint.tracking.PublicStatus;
import cn.luoyang.pollution.complaint.tracking.StatusChange;
import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The Service Request Updates extension's list (as FixMyStreet polls it): every change of a
 * request's public status within a window, with its public text. The status is the core spec's
 * open/closed; {@code external_status_code} names the city's own step (DISPATCHED, CLOSED, ...).
 * No reporter data, and phone numbers in replies are masked.
 */
final class Open311Updates {

    private static final DateTimeFormatter W3 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Shanghai"));

    private final MongoComplaints complaints;
    private final Catalogue catalogue;
    private final int maxResults;

    Open311Updates(MongoComplaints complaints, Catalogue catalogue, int maxResults) {
        this.complaints = complaints;
        this.catalogue = catalogue;
        this.maxResults = maxResults;
    }

    /** The updates that happened in [start, end], oldest first, at most the configured number. */
    List<Open311Dtos.RequestUpdate> between(Instant start, Instant end) {
        Query q = new Query(where("progress.history").elemMatch(where("occurredAt").gte(start).lte(end)))
                .with(Sort.by(Sort.Direction.ASC, "receivedAt")).limit(maxResults);
        return complaints.find(q).stream()
                .flatMap(c -> c.progress().publicChanges().stream()
                        .filter(s -> !s.occurredAt().isBefore(start) && !s.occurredAt().isAfter(end))
                        .map(s -> new Dated(s.occurredAt(), view(c, s))))
                .sorted(Comparator.comparing(Dated::at))
                .limit(maxResults)
                .map(Dated::update)
                .toList();
    }

    private Open311Dtos.RequestUpdate view(Complaint complaint, StatusChange change) {
        // one case event changes every complaint of the case: the update id names both
        String updateId = UUID.nameUUIDFromBytes((complaint.trackingNumber() + "|" + change.eventId())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Open311Dtos.RequestUpdate(updateId, complaint.trackingNumber(),
                change.status().isOpen() ? "open" : "closed",
                W3.format(change.occurredAt().truncatedTo(ChronoUnit.SECONDS)), PhoneRedaction.mask(text(change)), null,
                change.status().name());
    }

    private String text(StatusChange change) {
        String status = change.status().zh() + " " + change.status().en();
        String department = change.department() == null ? null
                : catalogue.department(change.department()).map(d -> d.nameZh() + " " + d.nameEn()).orElse(null);
        if (change.status() == PublicStatus.CLOSED || change.status() == PublicStatus.REOPENED) {
            return change.note() == null ? status : status + ": " + change.note();
        }
        return department == null ? status : status + ": " + department;
    }

    private record Dated(Instant at, Open311Dtos.RequestUpdate update) {
    }
}
