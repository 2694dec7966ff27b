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
import cn.luoyang.pollution.contracts.cases.CaseReopened;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.cases.DeadlineApproaching;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
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
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The three inbound bindings ({@code registered}, {@code dispatched}, {@code lifecycle}, which also carries
 * the reward claims' events for {@code RewardMessages}): each
 * record is decoded by its logical type and handed to the application; types this service does not
 * care about (e.g. {@code CaseVerified}) are passed over. A retired {@code case.progressed.v1} record left in the
 * topic from before each fact had its own event is upgraded to that fact and handled as one. Exceptions propagate
 * so the binder retries.
 */
@SuppressWarnings("deprecation") // reads the retired CaseProgressed to upgrade it
@Configuration(proxyBeanMethods = false)
class MilestoneBindings {

    @Bean
    Consumer<Message<byte[]>> registered(EventConsumers consumers, MilestoneMessages milestones) {
        return consumers.of(Topics.COMPLAINTS_REGISTERED, event -> {
            if (event instanceof ComplaintRegistered registered) {
                milestones.registered(registered);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> dispatched(EventConsumers consumers, MilestoneMessages milestones,
            ObjectProvider<UnitAlerts> units, QueueEscalations queueEscalations, SiteAlerts sites) {
        return consumers.of(Topics.CASES_DISPATCHED, event -> {
            if (event instanceof CaseDispatched dispatched) {
                milestones.dispatched(dispatched);
                sites.dispatched(dispatched);
                units.ifAvailable(alerts -> alerts.newCase(dispatched));
            } else if (event instanceof ComplaintMerged merged) {
                milestones.merged(merged);
            } else if (event instanceof QueuedComplaintEscalated escalated) {
                queueEscalations.escalated(escalated);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> lifecycle(EventConsumers consumers, MilestoneMessages milestones,
            EscalationMessages escalations, OverdueLedger overdueCases, RewardMessages rewards) {
        return consumers.of(Topics.CASES_LIFECYCLE, event -> {
            if (event instanceof RewardClaimOpened opened) {
                rewards.opened(opened);
            } else if (event instanceof RewardClaimDecided decided) {
                rewards.decided(decided);
            } else if (event instanceof CaseProgressed retired) {
                retired.upgrade().ifPresent(fact -> onLifecycle(fact, milestones, escalations, overdueCases));
            } else {
                onLifecycle(event, milestones, escalations, overdueCases);
            }
        });
    }

    private static void onLifecycle(Event event, MilestoneMessages milestones, EscalationMessages escalations,
            OverdueLedger overdueCases) {
        if (event instanceof CaseAccepted accepted) {
            milestones.accepted(accepted);
            overdueCases.accepted(accepted);
        } else if (event instanceof CaseExtended extended) {
            milestones.extended(extended);
            overdueCases.extended(extended);
        } else if (event instanceof CaseClosed closed) {
            milestones.closed(closed);
            overdueCases.closed(closed);
        } else if (event instanceof CaseReopened reopened) {
            milestones.reopened(reopened);
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
