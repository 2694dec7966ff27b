package cn.luoyang.pollution.notification.rewards;

import cn.luoyang.pollution.contracts.rewards.RewardClaimDecided;
import cn.luoyang.pollution.contracts.rewards.RewardClaimOpened;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.reporters.ReporterContact;
import cn.luoyang.pollution.notification.reporters.ReporterContacts;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * 有奖举报: tells the reporter of a claim, by the same queue and sender as every milestone, that the
 * report was substantiated (with the claim code), and then what the campaign office decided. Only
 * this service can reach the reporter; enforcement knows the complaint id only. One message per
 * complaint and milestone (key {@code caseId/REWARD_…/complaintId}): a re-announced claim queues
 * nothing. An anonymous or opted-out reporter gets none; a landline one gets a callback task
 * (the worklist takes REWARD_OPENED, _APPROVED and _REFUSED).
 */
public final class RewardMessages {

    private final Messages messages;
    private final ReporterContacts contacts;
    private final MessageTemplates templates;
    private final Clock clock;
    private final Runnable wakeSender;

    public RewardMessages(Messages messages, ReporterContacts contacts, MessageTemplates templates, Clock clock,
            Runnable wakeSender) {
        this.messages = messages;
        this.contacts = contacts;
        this.templates = templates;
        this.clock = clock;
        this.wakeSender = wakeSender;
    }

    public void opened(RewardClaimOpened event) {
        queue(event.caseId(), event.complaintId(), event.trackingNumber(), Milestone.REWARD_OPENED,
                Map.of("claimCode", event.claimCode(), "maxYuan", yuan(event.maxYuan())));
    }

    public void decided(RewardClaimDecided event) {
        Milestone milestone = switch (event.decision()) {
            case "APPROVED" -> Milestone.REWARD_APPROVED;
            case "REFUSED" -> Milestone.REWARD_REFUSED;
            case "PAID" -> Milestone.REWARD_PAID;
            default -> null;
        };
        if (milestone != null) {
            queue(event.caseId(), event.complaintId(), event.trackingNumber(), milestone,
                    Map.of("amountYuan", yuan(event.amountYuan()), "reason", event.reason() == null ? "" : event.reason()));
        }
    }

    private void queue(String caseId, String complaintId, String trackingNumber, Milestone milestone, Map<String, String> values) {
        Optional<ReporterContact> contact = contacts.of(complaintId);
        if (contact.isPresent() && !contact.get().reachable()) {
            return;
        }
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("trackingNumber", trackingNumber != null ? trackingNumber
                : contact.map(ReporterContact::trackingNumber).orElse(caseId));
        SmsMessage message = SmsMessage.queue(MessageKey.of(caseId, milestone, complaintId), caseId,
                templates.render(milestone, all), false, clock.instant());
        if (messages.add(message)) {
            wakeSender.run();
        }
    }

    private static String yuan(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }
}
