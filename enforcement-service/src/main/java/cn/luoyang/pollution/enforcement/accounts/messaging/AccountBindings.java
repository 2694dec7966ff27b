package cn.luoyang.pollution.enforcement.accounts.messaging;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccounts;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code registered-in-0} on {@code complaints.registered}: keeps each reporter's account for the
 * case page; {@code notes-in-0} on {@code complaints.notes} adds what they wrote afterwards. A record without a complaint id can never be kept and is dead-lettered
 * ({@code missing-complaint-id}); unreadable records are dead-lettered by {@link EventConsumers}.
 */
@Configuration(proxyBeanMethods = false)
public class AccountBindings {

    @Bean
    Consumer<Message<byte[]>> registered(EventConsumers consumers, ReporterAccounts accounts) {
        return consumers.of(Topics.COMPLAINTS_REGISTERED, event -> {
            if (event instanceof ComplaintRegistered r) {
                if (r.complaintId() == null || r.complaintId().isBlank()) {
                    throw new UnreadableEventException("missing-complaint-id", r.eventId() + ": no complaint id");
                }
                accounts.record(AccountTranslation.of(r), r.claimCodeHash());
            }
        });
    }

    /** {@code notes-in-0} on {@code complaints.notes}: a reporter's follow-up, shown to the case's handler. */
    @Bean
    Consumer<Message<byte[]>> notes(EventConsumers consumers, ReporterAccounts accounts) {
        return consumers.of(Topics.COMPLAINTS_NOTES, event -> {
            if (event instanceof ReporterNoteAdded n) {
                if (n.complaintId() == null || n.complaintId().isBlank()) {
                    throw new UnreadableEventException("missing-complaint-id", n.eventId() + ": no complaint id");
                }
                accounts.addNote(n.complaintId(), AccountTranslation.note(n));
            }
        });
    }
}
