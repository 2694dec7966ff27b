package cn.luoyang.pollution.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.deploy.runtime.Component;
import cn.luoyang.pollution.deploy.runtime.Probes;
import cn.luoyang.pollution.systemtests.harness.Handlers;
import cn.luoyang.pollution.systemtests.harness.JsonHttp;
import cn.luoyang.pollution.systemtests.harness.SystemUnderTest;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runtime itself: six processes, each healthy on its own port; the broker keeps its log across a restart. */
class RuntimeIT {

    static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.shared();
    }

    @Test
    void everyServiceReportsUpAndTheInfrastructureAnswers() {
        for (Component service : Component.services()) {
            assertThat(Probes.actuatorUp(system.managementUrl(service))).as(service.processName()).isTrue();
        }
        assertThat(Probes.mongoPing(system.layout().mongoUri())).isTrue();
        assertThat(Probes.portAnswers(system.layout().host(), system.layout().port(Component.KAFKA))).isTrue();
        Map<Component, Long> rss = system.runtime().rssKb();
        System.out.printf("system-tests: runtime started in %.1f s; RSS (MB) %s%n", system.startSeconds(),
                rss.entrySet().stream().map(e -> e.getKey().processName() + "=" + e.getValue() / 1024).toList());
        assertThat(rss).containsKeys(Component.values());
    }

    /**
     * As {@code ./run}: every service a resource server of the runtime's identity provider. A demo
     * person's token (authorization code + PKCE) opens what their role owns; HTTP Basic with the same
     * password, or no credentials, is refused.
     */
    @Test
    void theServicesTakeTheIdentityProvidersTokensAndRefuseBasic() {
        Map<Component, String> ownedByTheCampaignOffice = Map.of(
                Component.DISPATCH, "/dispatch/alert-level",
                Component.ENFORCEMENT, "/api/cases/inbox");
        String campaign = system.tokens().bearer("campaign", Handlers.PASSWORD);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("campaign:" + Handlers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        ownedByTheCampaignOffice.forEach((service, path) -> {
            assertThat(status(service, path, campaign)).as(service + path + " with a token").isEqualTo(200);
            assertThat(status(service, path, basic)).as(service + path + " with Basic").isEqualTo(401);
            assertThat(status(service, path, null)).as(service + path + " anonymous").isEqualTo(401);
        });
        String operator = system.tokens().bearer("operator", Handlers.PASSWORD);
        assertThat(status(Component.NOTIFICATION, "/api/sms/outcome-unknown", operator)).isEqualTo(200);
        assertThat(status(Component.NOTIFICATION, "/api/sms/outcome-unknown", campaign)).as("not the campaign office's").isEqualTo(403);
    }

    private static int status(Component service, String path, String authorization) {
        JsonHttp http = new JsonHttp(system.url(service));
        return (authorization == null ? http : http.withAuthorization(() -> authorization)).get(path).status();
    }

    /** Actuator answers on each service's management port only; the public port has none of it. */
    @Test
    void actuatorAnswersOnTheManagementPortOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Component service : Component.services()) {
            assertThat(status(http, system.url(service) + "/actuator/health")).as(service.processName()).isEqualTo(404);
            assertThat(status(http, system.managementUrl(service) + "/actuator/prometheus")).as(service.processName()).isEqualTo(200);
            assertThat(status(http, system.managementUrl(service) + "/actuator/env")).as(service.processName()).isIn(401, 403);
        }
    }

    private static int status(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aRecordWrittenBeforeABrokerRestartCanBeReadAfterIt() {
        String topic = "system-tests.broker-restart";
        String value = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        system.runtime().restart(Component.KAFKA);

        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!read.contains(value) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    read.add(r.value());
                }
            }
        }
        assertThat(read).contains(value);
    }

    private static Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.layout().kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    private static Properties consumerProps() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.layout().kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }
}
