package cn.luoyang.pollution.enforcement.accounts.messaging;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code registered-in-0} on {@code complaints.registered}: keeps each reporter's account for the
 * case page; {@code notes-in-0} on {@code complaints.notes} adds what they wrote afterwards. Both in batch
 * mode: a poll's accounts (or notes) are kept in one write ({@link ReporterAccounts#recordAll},
 * {@link ReporterAccounts#addNotes}). A record without a complaint id can never be kept and goes alone to the
 * dead letters ({@code missing-complaint-id}); unreadable records are dead-lettered by {@link EventConsumers}.
 */
@Configuration(proxyBeanMethods = false)
public class AccountBindings {

    @Bean
    Consumer<Message<List<byte[]>>> registered(EventConsumers consumers, ReporterAccounts accounts) {
        return consumers.batchOf(Topics.COMPLAINTS_REGISTERED, (events, rejections) -> {
            List<ReporterAccounts.Arrival> arrivals = new ArrayList<>();
            for (Event event : events) {
                if (event instanceof ComplaintRegistered r && hasComplaintId(r, r.complaintId(), rejections)) {
                    arrivals.add(new ReporterAccounts.Arrival(AccountTranslation.of(r), r.claimCodeHash()));
                }
            }
            accounts.recordAll(arrivals);
        });
    }

    /** {@code notes-in-0} on {@code complaints.notes}: a reporter's follow-up, shown to the case's handler. */
    @Bean
    Consumer<Message<List<byte[]>>> notes(EventConsumers consumers, ReporterAccounts accounts) {
        return consumers.batchOf(Topics.COMPLAINTS_NOTES, (events, rejections) -> {
            List<ReporterAccounts.NoteOf> notes = new ArrayList<>();
            for (Event event : events) {
                if (event instanceof ReporterNoteAdded n && hasComplaintId(n, n.complaintId(), rejections)) {
                    notes.add(new ReporterAccounts.NoteOf(n.complaintId(), AccountTranslation.note(n)));
                }
            }
            accounts.addNotes(notes);
        });
    }

    private static boolean hasComplaintId(Event event, String complaintId, EventConsumers.Rejections rejections) {
        if (complaintId == null || complaintId.isBlank()) {
            rejections.reject(event, new UnreadableEventException("missing-complaint-id", event.eventId() + ": no complaint id"));
            return false;
        }
        return true;
    }
}
