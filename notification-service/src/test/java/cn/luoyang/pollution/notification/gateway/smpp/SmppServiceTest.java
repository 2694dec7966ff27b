package cn.luoyang.pollution.notification.gateway.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.contracts.notification.ReporterFeedbackReceived;
import cn.luoyang.pollution.contracts.notification.Satisfaction;
import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactSealer;
import cn.luoyang.pollution.kit.events.EventCodec;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.notification.fixtures.Await;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MovableClock;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Messages;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.testing.ServiceTest;
import cn.luoyang.pollution.testing.TopicProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole service sending through SMPP to a real SMSC simulator on loopback: receipts, survey
 * replies, opt-out, quiet hours, per-number caps, an SMSC outage and long texts. Every scenario
 * uses its own numbers; the clock only moves forward.
 */
@ServiceTest
@TestPropertySource(properties = {
        "notification.gateway=smpp",
        "reporter-contact.keys-dir=target/test-keys/smpp",
        "notification.quiet-hours.enabled=true",
        "notification.caps.enabled=true",
        "notification.sending.poll-interval=100ms",
        "notification.sending.retry-initial=200ms",
        "notification.sending.retry-max=1s",
        "notification.resilience.minimum-calls=2",
        "notification.resilience.sliding-window=4",
        "notification.resilience.open-wait=1s",
        "notification.resilience.retry-attempts=2",
        "notification.resilience.retry-initial=20ms",
        "notification.smpp.system-id=luoyang",
        "notification.smpp.password=secret",
        "notification.smpp.reconnect-delay=200ms",
        "notification.smpp.enquire-link=2s"})
class SmppServiceTest {

    /** Noon in Luoyang. */
    static final Instant NOON = Instant.parse("2026-11-28T04:00:00Z");
    static final SmscSimulator SMSC = startSmsc();
    static final ContactSealer SEALER = ContactSealer.withPublicKeyset(
            ContactKeys.ensure(Path.of("target/test-keys/smpp")).publicKeyset());

    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock testClock() {
            return new MovableClock(NOON, ZoneId.of("Asia/Shanghai"));
        }
    }

    @DynamicPropertySource
    static void smsc(DynamicPropertyRegistry registry) {
        registry.add("notification.smpp.port", SMSC::port);
    }

    @AfterAll
    static void stopSmsc() throws IOException {
        SMSC.close();
    }

    @Autowired
    EventPublisher publisher;
    @Autowired
    Messages messages;
    @Autowired
    MovableClock clock;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void sentMessageIsMarkedDeliveredByTheSmscReceipt() {
        register("r-1", "13811110001");

        Await.until(() -> state("r-1", Milestone.REGISTERED).filter(s -> s == MessageState.DELIVERED).isPresent());
        assertThat(SMSC.submittedTo("13811110001")).singleElement()
                .satisfies(s -> assertThat(s.text()).startsWith("【洛阳生态环境】").contains("LY-r-1"));
    }

    @Test
    void surveyReplyBecomesFeedbackOnTheCaseAndFreeTextIsCounted() throws Exception {
        String phone = "13811110002";
        register("s-1", phone);
        publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched("CASE-s-1", "s-1", "LY-s-1", "ECOLOGY_ENVIRONMENT"));
        publisher.publish(Topics.CASES_LIFECYCLE, Events.closed("CASE-s-1", "已责令停产。", List.of("s-1")));
        Await.until(() -> state("s-1", Milestone.CLOSED).filter(s -> s == MessageState.DELIVERED).isPresent());

        double freeTextBefore = replies("not_a_rating");
        SMSC.reply("86" + phone, "烟还在冒");
        SMSC.reply("86" + phone, "3");

        try (TopicProbe feedback = new TopicProbe(brokers, Topics.REPORTERS_FEEDBACK)) {
            List<ConsumerRecord<String, byte[]>> records = feedback.await(1, Duration.ofSeconds(20));
            ReporterFeedbackReceived event = (ReporterFeedbackReceived) new EventCodec()
                    .decode("reporter.feedback-received.v1", records.get(0).value());
            assertThat(records.get(0).key()).isEqualTo("CASE-s-1");
            assertThat(event.complaintId()).isEqualTo("s-1");
            assertThat(event.rating()).isEqualTo(Satisfaction.UNSATISFIED);
        }
        assertThat(replies("not_a_rating")).isEqualTo(freeTextBefore + 1);
    }

    @Test
    void afterTdTheNumberGetsNoMoreMessages() throws Exception {
        String phone = "13811110003";
        register("o-1", phone);
        Await.until(() -> SMSC.submittedTo(phone).size() == 1);

        SMSC.reply("86" + phone, "TD");
        Await.until(() -> replies("opted_out") >= 1);
        publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched("CASE-o-1", "o-1", "LY-o-1", "ECOLOGY_ENVIRONMENT"));

        Await.until(() -> state("o-1", Milestone.DISPATCHED).filter(s -> s == MessageState.CANCELLED).isPresent());
        assertThat(SMSC.submittedTo(phone)).hasSize(1);
    }

    @Test
    void atNightARoutineMessageWaitsUntilEightInTheMorning() {
        Instant tenPm = NOON.plus(Duration.ofHours(10));
        if (clock.instant().isBefore(tenPm)) {
            clock.moveTo(tenPm);
        } else {
            clock.moveTo(nextTenPm(clock.instant()));
        }
        String phone = "13811110004";
        register("q-1", phone);

        Await.until(() -> messageFor("q-1", Milestone.REGISTERED).map(m -> "quiet-hours".equals(m.reason())).orElse(false));
        SmsMessage held = messageFor("q-1", Milestone.REGISTERED).orElseThrow();
        assertThat(held.state()).isEqualTo(MessageState.QUEUED);
        assertThat(held.notBefore().atZone(ZoneId.of("Asia/Shanghai")).getHour()).isEqualTo(8);
        assertThat(SMSC.submittedTo(phone)).isEmpty();

        clock.moveTo(held.notBefore().plusSeconds(1));
        Await.until(() -> SMSC.submittedTo(phone).size() == 1);
    }

    @Test
    void aFourthMessageToOneNumberWithinAMinuteWaitsForTheCap() {
        String phone = "13811110005";
        List<String> complaints = IntStream.rangeClosed(1, 5).mapToObj(i -> "cap-" + i).toList();
        complaints.forEach(id -> register(id, phone));

        Await.until(() -> SMSC.submittedTo(phone).size() == 3
                && complaints.stream().filter(id -> messageFor(id, Milestone.REGISTERED)
                        .map(m -> "number-cap".equals(m.reason())).orElse(false)).count() == 2);

        clock.advance(Duration.ofSeconds(61));
        Await.until(() -> SMSC.submittedTo(phone).size() == 5);
        assertThat(SMSC.submittedTo(phone)).extracting(SmscSimulator.Submitted::text).doesNotHaveDuplicates();
    }

    @Test
    void whileTheSmscIsDownTheCircuitOpensMessagesWaitAndAllAreDeliveredOnceAfterwards() throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker("sms-gateway");
        List<CircuitBreaker.State> transitions = new CopyOnWriteArrayList<>();
        breaker.getEventPublisher().onStateTransition(e -> transitions.add(e.getStateTransition().getToState()));
        List<String> phones = IntStream.rangeClosed(1, 6).mapToObj(i -> "1390000000" + i).toList();

        SMSC.down();
        Await.until(() -> !SMSC.hasBoundClient());
        for (int i = 0; i < phones.size(); i++) {
            register("down-" + i, phones.get(i));
        }
        Await.until(() -> transitions.contains(CircuitBreaker.State.OPEN));
        Await.until(() -> IntStream.range(0, phones.size()).allMatch(i -> messageFor("down-" + i, Milestone.REGISTERED)
                .map(m -> m.state() == MessageState.QUEUED && m.reason() != null && m.reason().startsWith("gateway")).orElse(false)));
        assertThat(SMSC.submitted()).noneMatch(s -> phones.stream().anyMatch(p -> s.destination().equals("86" + p)));

        SMSC.up();
        Await.until(() -> IntStream.range(0, phones.size()).allMatch(i ->
                state("down-" + i, Milestone.REGISTERED).filter(s -> s == MessageState.DELIVERED).isPresent()));
        phones.forEach(p -> assertThat(SMSC.submittedTo(p)).hasSize(1));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aLongClosureReplyGoesAsConcatenatedSegments() {
        String phone = "13811110007";
        register("l-1", phone);
        publisher.publish(Topics.CASES_DISPATCHED, Events.dispatched("CASE-l-1", "l-1", "LY-l-1", "ECOLOGY_ENVIRONMENT"));
        publisher.publish(Topics.CASES_LIFECYCLE, Events.closed("CASE-l-1",
                "经执法人员现场检查，该企业锅炉未按要求运行脱硫设施，已责令立即停产整改并立案查处，整改完成后将组织复查。", List.of("l-1")));

        Await.until(() -> state("l-1", Milestone.CLOSED).filter(s -> s == MessageState.DELIVERED).isPresent());
        String closedText = messageFor("l-1", Milestone.CLOSED).orElseThrow().text();
        List<SmscSimulator.Submitted> segments = SMSC.submittedTo(phone).stream().filter(SmscSimulator.Submitted::concatenated).toList();
        assertThat(segments).hasSize((closedText.length() + 66) / 67).hasSizeGreaterThan(1);
        assertThat(String.join("", segments.stream().map(SmscSimulator.Submitted::text).toList())).isEqualTo(closedText);
    }

    private void register(String complaintId, String phone) {
        publisher.publish(Topics.COMPLAINTS_REGISTERED, Events.registered(complaintId, "LY-" + complaintId, phone, SEALER));
    }

    private Optional<SmsMessage> messageFor(String complaintId, Milestone milestone) {
        return messages.forComplaint(complaintId).stream().filter(m -> m.milestone() == milestone).findFirst();
    }

    private Optional<MessageState> state(String complaintId, Milestone milestone) {
        return messageFor(complaintId, milestone).map(SmsMessage::state);
    }

    private double replies(String outcome) {
        var counter = meters.find("notification.replies").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Instant nextTenPm(Instant now) {
        var local = now.atZone(ZoneId.of("Asia/Shanghai"));
        var tenPm = local.withHour(22).withMinute(0).withSecond(0).withNano(0);
        return (tenPm.isAfter(local) ? tenPm : tenPm.plusDays(1)).toInstant();
    }

    private static SmscSimulator startSmsc() {
        try {
            return SmscSimulator.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
