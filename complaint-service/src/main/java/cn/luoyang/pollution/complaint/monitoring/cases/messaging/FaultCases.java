package cn.luoyang.pollution.complaint.monitoring.cases.messaging;

import cn.luoyang.pollution.complaint.monitoring.cases.MonitorCases;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultCleared;
import cn.luoyang.pollution.contracts.monitoring.MonitorFaultDetected;
import cn.luoyang.pollution.kit.events.DeadLetters;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventConsumers;
import cn.luoyang.pollution.kit.events.UnreadableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * Binding {@code monitorFaults-in-0} ← {@code monitoring.faults} (read committed: the stream processor writes in
 * transactions). Each fault goes to {@link MonitorCases}; what it did is counted as
 * {@code monitoring.faults.cases{outcome}}. A record that cannot become a case (unreadable, another event type,
 * no MN, no category for its factor, a complaint the intake rules refuse) goes to {@code monitoring.faults.dlt}
 * with its reason ({@code outcome=dead-lettered}) and the consumer goes on; anything else (MongoDB or the broker
 * away) propagates, so the binder retries the record.
 */
public class FaultCases implements Consumer<Message<byte[]>> {

    private final MonitorCases cases;
    private final EventCodec codec;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    public FaultCases(MonitorCases cases, EventCodec codec, DeadLetters deadLetters, MeterRegistry meters) {
        this.cases = cases;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Override
    public void accept(Message<byte[]> message) {
        try {
            Event event = codec.decode(EventConsumers.header(message, CloudEventHeaders.TYPE), message.getPayload());
            MonitorCases.Outcome outcome;
            if (event instanceof MonitorFaultDetected detected) {
                outcome = cases.detected(detected);
            } else if (event instanceof MonitorFaultCleared cleared) {
                outcome = cases.cleared(cleared);
            } else {
                throw new UnreadableEventException("unexpected-type",
                        event.getClass().getSimpleName() + " does not belong on " + Topics.MONITORING_FAULTS);
            }
            count(outcome.name().toLowerCase(Locale.ROOT));
        } catch (UnreadableEventException e) {
            deadLetter(message, e.reason(), e.getMessage());
        } catch (MonitorCases.UnusableFault e) {
            deadLetter(message, e.reason(), e.getMessage());
        }
    }

    private void deadLetter(Message<byte[]> message, String reason, String detail) {
        deadLetters.send(Topics.MONITORING_FAULTS, message, reason, detail);
        count("dead-lettered");
    }

    private void count(String outcome) {
        Counter.builder("monitoring.faults.cases").description("Monitor faults by what became of them as cases")
                .tag("outcome", outcome).register(meters).increment();
    }
}
