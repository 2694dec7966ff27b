package cn.luoyang.pollution.complaint.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything a topic holds, read from its first record to its end: the test waits for a condition
 * (e.g. a complaint's event is there) and for the reader to have caught up with every record the
 * broker holds at that moment, instead of a fixed listening window. No consumer group: the
 * partitions are assigned, so no group join delays the read.
 */
public final class TopicContents {

    private TopicContents() {
    }

    /** Every record the topic holds now (none if the topic does not exist). */
    public static List<ConsumerRecord<String, byte[]>> all(String brokers, String topic) {
        return until(brokers, topic, seen -> true, Duration.ofSeconds(30));
    }

    /**
     * Reads from the beginning until {@code enough} holds for the records seen and the reader has
     * reached the topic's end (asked again after each poll); at {@code timeout} returns what was seen.
     */
    public static List<ConsumerRecord<String, byte[]>> until(String brokers, String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of(); // no such topic: nothing was ever written to it
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                if (enough.test(seen) && atEnd(consumer, partitions)) {
                    break;
                }
            }
            return List.copyOf(seen);
        }
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
    }
}
