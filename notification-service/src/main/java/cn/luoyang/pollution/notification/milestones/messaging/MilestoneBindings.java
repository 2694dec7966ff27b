package cn.luoyang.pollution.notification.milestones.messaging;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseEscalated;
import cn.luoyang.pollution.contracts.cases.CaseExtended;
import cn.luoyang.pollution.contracts.cases.CaseOverdue;
import cn.luoyang.pollution.contracts.cases.CaseInspected;
import cn.luoyang.pollution.contracts.cases.CaseProgressed;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.cases.DeadlineApproaching;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.QueuedComplaintEscalated;
import cn.luoyang.pollution.contracts.rewards.RewardClaimDecided;
import cn.luoyang.pollution.contracts.rewards.RewardClaimOpened;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.notification.digest.OverdueLedger;
import cn.luoyang.pollution.notification.escalations.EscalationMessages;
import cn.luoyang.pollution.notification.escalations.QueueEscalations;
import cn.luoyang.pollution.notification.milestones.MilestoneMessages;
import cn.luoyang.pollution.notification.rewards.RewardMessages;
import cn.luoyang.pollution.notification.sites.SiteAlerts;
import cn.luoyang.pollution.notification.units.UnitAlerts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The three inbound bindings ({@code registered}, {@code dispatched}, {@code lifecycle}, which also carries
 * the reward claims' events for {@code RewardMessages}), each in batch mode: a poll's records are decoded by their
 * logical type (a record nobody can read goes alone to the dead letters, with its reason) and handed over together,
 * in poll order. The milestones of the batch become messages with one round trip per collection
 * ({@link MilestoneMessages#caseEvents}); what else a record asks for (unit alerts, site alerts, the overdue ledger,
 * escalations, reward messages) follows record by record, in order. Types this service does not care about (e.g.
 * {@code CaseVerified}) are passed over. A retired {@code case.progressed.v1} record left in the topic from before
 * each fact had its own event is upgraded to that fact and handled as one. Exceptions propagate, so the kit retries
 * the batch (every step is idempotent: a retried or redelivered batch queues nothing twice).
 */
@SuppressWarnings("deprecation") // reads the retired CaseProgressed to upgrade it
@Configuration(proxyBeanMethods = false)
class MilestoneBindings {

    @Bean
    Consumer<Message<List<byte[]>>> registered(EventConsumers consumers, MilestoneMessages milestones) {
        return consumers.batchOf(Topics.COMPLAINTS_REGISTERED, (events, rejections) -> {
            List<ComplaintRegistered> registered = events.stream()
                    .filter(ComplaintRegistered.class::isInstance).map(ComplaintRegistered.class::cast).toList();
            if (!registered.isEmpty()) {
                milestones.registered(registered);
            }
        });
    }

    @Bean
    Consumer<Message<List<byte[]>>> dispatched(EventConsumers consumers, MilestoneMessages milestones,
            ObjectProvider<UnitAlerts> units, QueueEscalations queueEscalations, SiteAlerts sites) {
        return consumers.batchOf(Topics.CASES_DISPATCHED, (events, rejections) -> {
            milestones.caseEvents(events);
            for (Event event : events) {
                if (event instanceof CaseDispatched dispatched) {
                    sites.dispatched(dispatched);
                    units.ifAvailable(alerts -> alerts.newCase(dispatched));
                } else if (event instanceof QueuedComplaintEscalated escalated) {
                    queueEscalations.escalated(escalated);
                }
            }
        });
    }

    @Bean
    Consumer<Message<List<byte[]>>> lifecycle(EventConsumers consumers, MilestoneMessages milestones,
            EscalationMessages escalations, OverdueLedger overdueCases, RewardMessages rewards) {
        return consumers.batchOf(Topics.CASES_LIFECYCLE, (events, rejections) -> {
            List<Event> facts = new ArrayList<>();
            for (Event event : events) {
                if (event instanceof CaseProgressed retired) {
                    retired.upgrade().ifPresent(facts::add);
                } else {
                    facts.add(event);
                }
            }
            milestones.caseEvents(facts);
            for (Event event : facts) {
                if (event instanceof RewardClaimOpened opened) {
                    rewards.opened(opened);
                } else if (event instanceof RewardClaimDecided decided) {
                    rewards.decided(decided);
                } else {
                    onLifecycle(event, escalations, overdueCases);
                }
            }
        });
    }

    /** What a lifecycle fact asks for besides its reporters' messages. */
    private static void onLifecycle(Event event, EscalationMessages escalations, OverdueLedger overdueCases) {
        if (event instanceof CaseAccepted accepted) {
            overdueCases.accepted(accepted);
        } else if (event instanceof CaseExtended extended) {
            overdueCases.extended(extended);
        } else if (event instanceof CaseClosed closed) {
            overdueCases.closed(closed);
        } else if (event instanceof CaseOverdue overdue) {
            escalations.overdue(overdue); // the leaders' SMS and the unit's webhook
            overdueCases.overdue(overdue);
        } else if (event instanceof CaseEscalated escalated) {
            escalations.escalated(escalated);
        } else if (event instanceof DeadlineApproaching approaching) {
            escalations.reminder(approaching);
        } else if (event instanceof CaseInspected inspected) {
            overdueCases.inspected(inspected);
        } else if (event instanceof CaseReturned returned) {
            overdueCases.returned(returned);
        }
        // other steps are not told to anyone here; clock events go to the directory's people
    }
}
