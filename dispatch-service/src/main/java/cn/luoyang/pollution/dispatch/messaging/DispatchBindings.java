package cn.luoyang.pollution.dispatch.messaging;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.cases.CaseClosed;
import cn.luoyang.pollution.contracts.cases.CaseReturned;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.dispatch.common.NotFound;
import cn.luoyang.pollution.dispatch.dispatching.DispatchDesk;
import cn.luoyang.pollution.dispatch.duplicates.Closures;
import cn.luoyang.pollution.dispatch.returns.Returns;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The functional bindings: {@code registered} reads {@code complaints.registered},
 * {@code lifecycle} reads {@code cases.lifecycle}. Handlers translate and delegate; an event about
 * a case dispatch never opened cannot be fixed by retrying and is dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
public class DispatchBindings {

    /** In batch mode: the readable complaints of a poll are decided in order and stored together (see {@link DispatchDesk}). */
    @Bean
    Consumer<Message<List<byte[]>>> registered(EventConsumers consumers, DispatchDesk desk) {
        return consumers.batchOf(Topics.COMPLAINTS_REGISTERED, (events, rejections) -> {
            List<ComplaintRegistered> batch = events.stream()
                    .filter(ComplaintRegistered.class::isInstance).map(ComplaintRegistered.class::cast).toList();
            if (!batch.isEmpty()) {
                desk.registered(batch);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> lifecycle(EventConsumers consumers, Returns returns, Closures closures) {
        return consumers.of(Topics.CASES_LIFECYCLE, event -> {
            try {
                if (event instanceof CaseReturned returned) {
                    returns.returned(returned);
                } else if (event instanceof CaseClosed closed) {
                    closures.closed(closed);
                }
            } catch (NotFound e) {
                throw new UnreadableEventException("unknown-case", e.getMessage());
            }
        });
    }
}
