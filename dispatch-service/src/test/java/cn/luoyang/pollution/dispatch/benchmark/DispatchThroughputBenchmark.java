package cn.luoyang.pollution.dispatch.benchmark;

import cn.luoyang.pollution.contracts.GeoPoint;
import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.complaint.ComplaintRegistered;
import cn.luoyang.pollution.dispatch.support.Luoyang;
import cn.luoyang.pollution.dispatch.support.World;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Reports per second through the real {@code registered} binding (broker, the consumer threads,
 * the embedded MongoDB, synchronous publish): a benchmark, not a test; it asserts nothing and is
 * skipped unless {@code -Ddispatch.throughput=true}. See BENCHMARKS.md for the command.
 */
@ServiceTest
@EnabledIfSystemProperty(named = "dispatch.throughput", matches = "true")
class DispatchThroughputBenchmark {

    @Autowired
    EventPublisher publisher;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Value("${spring.cloud.stream.bindings.registered-in-0.consumer.concurrency}")
    int concurrency;

    private final World fixtures = new World();
    private final Random random = new Random(11);

    @Test
    void reportsPerSecond() throws Exception {
        int reports = Integer.getInteger("dispatch.throughput.reports", 2_000);
        run("warm-up", 300);
        long started = System.nanoTime();
        run("measured", reports);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("DISPATCH-THROUGHPUT concurrency=%d reports=%d seconds=%.1f rate=%.1f/s%n", concurrency, reports, seconds,
                reports / seconds);
    }

    /** Sends the reports (one in ten repeats the previous incident 60 m away) and waits until each has its decision. */
    private void run(String batch, int count) throws Exception {
        List<String> ids = new ArrayList<>(count);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            GeoPoint last = null;
            for (int i = 0; i < count; i++) {
                GeoPoint at = last != null && random.nextInt(10) == 0 ? Luoyang.east(last, 60)
                        : Luoyang.gcj(112.36 + 0.14 * random.nextDouble(), 34.60 + 0.07 * random.nextDouble());
                last = at;
                ComplaintRegistered complaint = fixtures.registered(batch + "-" + i, "AIR_OPEN_BURNING", at, null, World.MORNING);
                ids.add(complaint.complaintId());
                Message<byte[]> message = publisher.toMessage(complaint);
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.COMPLAINTS_REGISTERED,
                        (byte[]) message.getHeaders().get(KafkaHeaders.KEY), message.getPayload());
                message.getHeaders().forEach((name, value) -> {
                    if (name.startsWith("ce")) {
                        record.headers().add(name, (byte[]) value);
                    }
                });
                producer.send(record);
            }
            producer.flush();
        }
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Query mine = Query.query(Criteria.where("_id").regex("^" + batch + "-"));
        while (mongo.count(mine, "decisions") < count && System.nanoTime() < end) {
            Thread.sleep(200);
        }
    }
}
