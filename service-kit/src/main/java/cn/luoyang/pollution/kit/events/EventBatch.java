package cn.luoyang.pollution.kit.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The records of one batch as the Kafka binder hands them over in batch mode (one message whose payload
 * is the list of values, whose headers hold per-record lists: converted headers, keys, partitions,
 * offsets), split back into one message per record with that record's own headers, in poll order.
 */
public final class EventBatch {

    private EventBatch() {
    }

    public static List<Message<byte[]>> records(Message<List<byte[]>> batch) {
        MessageHeaders headers = batch.getHeaders();
        List<?> converted = list(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS);
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<byte[]> values = batch.getPayload();
        List<Message<byte[]>> records = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            MessageBuilder<byte[]> record = MessageBuilder.withPayload(values.get(i));
            if (converted != null && converted.get(i) instanceof Map<?, ?> own) {
                own.forEach((name, value) -> record.setHeader(String.valueOf(name), value));
            }
            set(record, KafkaHeaders.RECEIVED_KEY, keys, i);
            set(record, KafkaHeaders.RECEIVED_PARTITION, partitions, i);
            set(record, KafkaHeaders.OFFSET, offsets, i);
            record.setHeader(KafkaHeaders.RECEIVED_TOPIC, headers.get(KafkaHeaders.RECEIVED_TOPIC) instanceof List<?> topics
                    ? topics.get(i) : headers.get(KafkaHeaders.RECEIVED_TOPIC));
            records.add(record.build());
        }
        return records;
    }

    private static List<?> list(MessageHeaders headers, String name) {
        return headers.get(name) instanceof List<?> values ? values : null;
    }

    private static void set(MessageBuilder<byte[]> record, String name, List<?> values, int i) {
        if (values != null && i < values.size() && values.get(i) != null) {
            record.setHeader(name, values.get(i));
        }
    }
}
