package cn.luoyang.pollution.enforcement.cases.messaging;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.dispatch.CaseDispatched;
import cn.luoyang.pollution.contracts.dispatch.ComplaintMerged;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.enforcement.cases.application.CaseIntake;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two inbound bindings, both in batch mode: {@code dispatched-in-0} on {@code cases.dispatched} and
 * {@code feedback-in-0} on {@code reporters.feedback}. A poll's readable events go to {@link CaseIntake#batch}
 * together (one read, one bulk write); an event that can never apply (unknown case, a re-assignment of a
 * case already being handled) goes alone to the dead-letter topic with the reason; anything else fails the
 * batch, which the kit retries whole (README, "Batches").
 */
@Configuration(proxyBeanMethods = false)
public class CaseBindings {

    @Bean
    Consumer<Message<List<byte[]>>> dispatched(EventConsumers consumers, CaseIntake intake) {
        // DispatchFailed concerns the campaign office's manual queue in dispatch-service
        return consumers.batchOf(Topics.CASES_DISPATCHED, (events, rejections) -> deliver(intake,
                events.stream().filter(e -> e instanceof CaseDispatched || e instanceof ComplaintMerged).toList(), rejections));
    }

    @Bean
    Consumer<Message<List<byte[]>>> feedback(EventConsumers consumers, CaseIntake intake) {
        return consumers.batchOf(Topics.REPORTERS_FEEDBACK, (events, rejections) -> deliver(intake,
                events.stream().filter(ReporterFeedbackReceived.class::isInstance).toList(), rejections));
    }

    private static void deliver(CaseIntake intake, List<Event> events, EventConsumers.Rejections rejections) {
        if (events.isEmpty()) {
            return;
        }
        for (CaseIntake.Refusal refused : intake.batch(events)) {
            rejections.reject(refused.event(), new UnreadableEventException(refused.reason(), refused.detail()));
        }
    }
}
