package cn.luoyang.pollution.testing;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * An event message as a record on one chosen partition, with its key and CloudEvents headers: records sent
 * this way in one flush reach a batch consumer in one poll, as a test of a poison record in a batch needs.
 */
public final class OnePartition {

    private OnePartition() {
    }

    public static ProducerRecord<byte[], byte[]> record(String topic, int partition, Message<byte[]> message) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition,
                (byte[]) message.getHeaders().get(KafkaHeaders.KEY), message.getPayload());
        message.getHeaders().forEach((name, value) -> {
            if (name.startsWith("ce")) {
                record.headers().add(name, (byte[]) value);
            }
        });
        return record;
    }
}
