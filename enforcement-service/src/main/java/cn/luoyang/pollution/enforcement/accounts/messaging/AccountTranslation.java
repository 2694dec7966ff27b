package cn.luoyang.pollution.enforcement.accounts.messaging;

import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.complaint.MonitorTrigger;
import cn.luoyang.pollution.contracts.complaint.ReporterNoteAdded;
import cn.luoyang.pollution.enforcement.accounts.DigitRuns;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import java.util.List;

/**
 * {@link ComplaintRegistered} → {@link ReporterAccount}: the sealed reporter contact is dropped,
 * and every phone number in the description and address is masked (the platform's own masking for
 * valid numbers, then any remaining long digit run) before anything is kept.
 */
final class AccountTranslation {

    static ReporterAccount of(ComplaintRegistered r) {
        List<ReporterAccount.Media> media = r.media() == null ? List.of()
                : r.media().stream().map(m -> new ReporterAccount.Media(m.url(), m.mediaType())).toList();
        return new ReporterAccount(r.complaintId(), r.trackingNumber(), r.channel() == null ? null : r.channel().name(),
                r.observedAt(), r.occurredAt(), masked(r.addressText()), masked(r.description()), media, List.of(),
                r.rewardRequested(), monitor(r.monitor()));
    }

    private static ReporterAccount.Monitor monitor(MonitorTrigger t) {
        if (t == null) {
            return null;
        }
        return new ReporterAccount.Monitor(t.mn(), t.sourceId(), t.kind() == null ? null : t.kind().name(), t.rule(), t.factor(),
                t.limit(), t.windows().stream().map(w -> new ReporterAccount.Reading(w.start(), w.end(), w.average(), w.max(), w.count()))
                .toList(), t.lastReadingAt());
    }

    /** {@link ReporterNoteAdded} → a note, its text masked once more (complaint-service masked it already). */
    static ReporterAccount.Note note(ReporterNoteAdded n) {
        return new ReporterAccount.Note(n.sourceSystem() + ":" + n.externalUpdateId(), n.sourceSystem(), masked(n.note()),
                n.mediaUrl(), n.writtenAt(), n.occurredAt());
    }

    static String masked(String text) {
        return DigitRuns.mask(PhoneNumbers.maskNumbersIn(text));
    }

    private AccountTranslation() {
    }
}
