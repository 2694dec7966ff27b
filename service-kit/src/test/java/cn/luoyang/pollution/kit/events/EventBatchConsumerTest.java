package cn.luoyang.pollution.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.contracts.CloudEventHeaders;
import cn.luoyang.pollution.contracts.Event;
import cn.luoyang.pollution.contracts.EventTypes;
import cn.luoyang.pollution.contracts.cases.CaseAccepted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** A batch as the Kafka binder delivers it in batch mode: the poison record goes to the dead letters alone, the rest on. */
class EventBatchConsumerTest {

    static final String TOPIC = "cases.lifecycle";
    static final String TYPE = EventTypes.nameOf(CaseAccepted.class);

    final EventCodec codec = new EventCodec();
    final List<String> dead = new ArrayList<>();
    final DeadLetters deadLetters = new DeadLetters(null, new SimpleMeterRegistry()) {
        @Override
        public void send(String topic, Message<byte[]> original, String reason, String detail) {
            dead.add(topic + " " + reason + " key=" + original.getHeaders().get(KafkaHeaders.RECEIVED_KEY)
                    + " offset=" + original.getHeaders().get(KafkaHeaders.OFFSET) + " "
                    + new String(original.getPayload(), StandardCharsets.UTF_8));
        }
    };
    final List<List<Event>> handled = new ArrayList<>();

    @Test
    void a_poison_record_in_the_middle_goes_alone_to_the_dead_letters_and_the_others_reach_the_handler_in_order() {
        Message<List<byte[]>> batch = batch(
                record("A", TYPE, codec.encode(accepted("e-1", "A"))),
                record("B", TYPE, "{not json".getBytes(StandardCharsets.UTF_8)),
                record("A", TYPE, codec.encode(accepted("e-2", "A"))));

        new EventConsumers(codec, deadLetters).batchOf(TOPIC, (events, rejections) -> handled.add(events)).accept(batch);

        assertThat(dead).containsExactly(TOPIC + " malformed-json key=B offset=101 {not json");
        assertThat(handled).hasSize(1);
        assertThat(handled.get(0)).extracting(Event::eventId).as("one key's records in poll order").containsExactly("e-1", "e-2");
    }

    @Test
    void a_batch_of_nothing_readable_is_all_dead_lettered_and_the_handler_is_not_called() {
        Message<List<byte[]>> batch = batch(record("X", "no.such.type.v1", "{}".getBytes(StandardCharsets.UTF_8)));

        new EventConsumers(codec, deadLetters).batchOf(TOPIC, (events, rejections) -> handled.add(events)).accept(batch);

        assertThat(dead).singleElement().asString().startsWith(TOPIC + " unknown-type key=X offset=100");
        assertThat(handled).isEmpty();
    }

    @Test
    void a_failing_handler_is_tried_again_with_the_whole_readable_batch_and_after_the_last_attempt_its_exception_propagates() {
        List<Long> waits = new ArrayList<>();
        EventConsumers consumers = new EventConsumers(codec, deadLetters, new EventConsumers.Retries(4, 500, 1_000, waits::add));
        Message<List<byte[]>> batch = batch(record("A", TYPE, codec.encode(accepted("e-1", "A"))));
        int[] calls = {0};

        consumers.batchOf(TOPIC, (events, rejections) -> {
            if (++calls[0] < 3) {
                throw new IllegalStateException("database down");
            }
            handled.add(events);
        }).accept(batch);

        assertThat(calls[0]).isEqualTo(3);
        assertThat(handled).singleElement().satisfies(events -> assertThat(events).hasSize(1));
        assertThat(waits).containsExactly(500L, 1_000L);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> consumers.batchOf(TOPIC, (events, rejections) -> {
            throw new IllegalStateException("still down");
        }).accept(batch)).hasMessage("still down");
        assertThat(dead).as("a failing batch is not dead-lettered by the kit: the binder parks it").isEmpty();
    }

    @Test
    void a_record_the_handler_turns_away_goes_alone_to_the_dead_letters_once_even_when_an_attempt_failed_after_rejecting_it() {
        EventConsumers consumers = new EventConsumers(codec, deadLetters, new EventConsumers.Retries(3, 1, 1, millis -> { }));
        Message<List<byte[]>> batch = batch(
                record("A", TYPE, codec.encode(accepted("e-1", "A"))),
                record("B", TYPE, codec.encode(accepted("e-2", "B"))),
                record("C", TYPE, codec.encode(accepted("e-3", "C"))));
        int[] calls = {0};

        consumers.batchOf(TOPIC, (events, rejections) -> {
            rejections.reject(events.get(1), new UnreadableEventException("unknown-case", "no case B"));
            if (++calls[0] == 1) {
                throw new IllegalStateException("database down after deciding");
            }
            handled.add(events.stream().filter(e -> !e.eventId().equals("e-2")).toList());
        }).accept(batch);

        assertThat(calls[0]).isEqualTo(2);
        assertThat(dead).as("the rejected record alone, once, with its own key and offset")
                .singleElement().asString().startsWith(TOPIC + " unknown-case key=B offset=101 ");
        assertThat(handled).singleElement().satisfies(events -> assertThat(events).extracting(Event::eventId).containsExactly("e-1", "e-3"));
    }

    record Record(String key, String type, byte[] value) {
    }

    static Record record(String key, String type, byte[] value) {
        return new Record(key, type, value);
    }

    /** The binder's shape: values as the payload, per-record lists of converted headers, keys, partitions and offsets. */
    static Message<List<byte[]>> batch(Record... records) {
        List<byte[]> values = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Object> partitions = new ArrayList<>();
        List<Object> offsets = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            values.add(records[i].value());
            headers.add(Map.of(CloudEventHeaders.TYPE, records[i].type().getBytes(StandardCharsets.UTF_8)));
            keys.add(records[i].key());
            partitions.add(0);
            offsets.add(100L + i);
        }
        return MessageBuilder.withPayload(values)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions)
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, TOPIC)
                .build();
    }

    static CaseAccepted accepted(String eventId, String caseId) {
        return new CaseAccepted(eventId, caseId, "HJJ", new Actor("zj", "HANDLER", "HJJ@410305"),
                Instant.parse("2026-12-01T02:00:00Z"), CaseAccepted.VERSION);
    }
}
