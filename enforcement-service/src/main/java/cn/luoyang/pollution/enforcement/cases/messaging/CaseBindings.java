package cn.luoyang.pollution.enforcement.cases.messaging;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.enforcement.cases.CaseNotFound;
import cn.luoyang.pollution.enforcement.cases.CaseRuleViolation;
import cn.luoyang.pollution.enforcement.cases.application.CaseIntake;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two inbound bindings: {@code dispatched-in-0} on {@code cases.dispatched} and
 * {@code feedback-in-0} on {@code reporters.feedback}. Handlers translate and delegate. An event
 * that can never apply (unknown case, a re-assignment of a case already being handled) goes to the
 * dead-letter topic with the reason; anything else is rethrown so the binder retries.
 */
@Configuration(proxyBeanMethods = false)
public class CaseBindings {

    @Bean
    Consumer<Message<byte[]>> dispatched(EventConsumers consumers, CaseIntake intake) {
        return consumers.of(Topics.CASES_DISPATCHED, event -> deliver(event, () -> {
            if (event instanceof CaseDispatched d) {
                intake.dispatched(d);
            } else if (event instanceof ComplaintMerged m) {
                intake.merged(m);
            }
            // DispatchFailed concerns the campaign office's manual queue in dispatch-service
        }));
    }

    @Bean
    Consumer<Message<byte[]>> feedback(EventConsumers consumers, CaseIntake intake) {
        return consumers.of(Topics.REPORTERS_FEEDBACK, event -> deliver(event, () -> {
            if (event instanceof ReporterFeedbackReceived f) {
                intake.feedback(f);
            }
        }));
    }

    private static void deliver(Event event, Runnable handling) {
        try {
            handling.run();
        } catch (CaseNotFound e) {
            throw new UnreadableEventException("unknown-case", e.getMessage());
        } catch (CaseRuleViolation e) {
            throw new UnreadableEventException("case-state-conflict", event.eventId() + ": " + e.getMessage());
        }
    }
}
