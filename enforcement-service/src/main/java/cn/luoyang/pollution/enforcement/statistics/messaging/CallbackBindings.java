package cn.luoyang.pollution.enforcement.statistics.messaging;

import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.CallbackCompleted;
import cn.luoyang.pollution.enforcement.statistics.Callback;
import cn.luoyang.pollution.enforcement.statistics.Callbacks;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code callbacks-in-0} on {@code reporters.callbacks}: keeps the end of each callback (回访) for the
 * statistics, once per event id; in batch mode, a poll's callbacks in one write ({@link Callbacks#recordAll}). A record without a complaint id, an outcome or a time can never be
 * counted and goes alone to the dead letters ({@code invalid-callback}); unreadable records, an outcome nobody knows
 * among them, are dead-lettered by {@link EventConsumers} ({@code malformed-json}; each with its reason
 * and the dead-letter metric).
 */
@Configuration(proxyBeanMethods = false)
public class CallbackBindings {

    @Bean
    Consumer<Message<List<byte[]>>> callbacks(EventConsumers consumers, Callbacks callbacks) {
        return consumers.batchOf(Topics.REPORTERS_CALLBACKS, (events, rejections) -> {
            List<Callback> ended = new ArrayList<>();
            for (Event event : events) {
                if (event instanceof CallbackCompleted c) {
                    try {
                        ended.add(translate(c));
                    } catch (UnreadableEventException e) {
                        rejections.reject(c, e);
                    }
                }
            }
            callbacks.recordAll(ended);
        });
    }

    static Callback translate(CallbackCompleted c) {
        if (c.complaintId() == null || c.complaintId().isBlank()) {
            throw new UnreadableEventException("invalid-callback", c.eventId() + ": no complaint id");
        }
        if (c.outcome() == null) {
            throw new UnreadableEventException("invalid-callback", c.eventId() + ": no outcome");
        }
        if (c.occurredAt() == null) {
            throw new UnreadableEventException("invalid-callback", c.eventId() + ": no time");
        }
        return new Callback(c.eventId(), c.caseId(), c.complaintId(), c.milestone(), c.outcome(), c.occurredAt());
    }
}
