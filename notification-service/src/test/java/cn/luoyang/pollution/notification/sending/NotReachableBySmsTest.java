package cn.luoyang.pollution.notification.sending;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.catalogue.Catalogue;
import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.kit.contact.ContactNumber;
import cn.luoyang.pollution.kit.contact.PhoneNumbers;
import cn.luoyang.pollution.notification.fixtures.SenderRig;
import cn.luoyang.pollution.notification.fixtures.Events;
import cn.luoyang.pollution.notification.fixtures.MongoFixture;
import cn.luoyang.pollution.notification.messages.MessageKey;
import cn.luoyang.pollution.notification.messages.MessageState;
import cn.luoyang.pollution.notification.messages.Milestone;
import cn.luoyang.pollution.notification.messages.SmsMessage;
import cn.luoyang.pollution.notification.milestones.MilestoneMessages;
import cn.luoyang.pollution.notification.milestones.MilestoneSettings;
import cn.luoyang.pollution.notification.reporters.persistence.MongoCaseFiles;
import cn.luoyang.pollution.notification.reporters.persistence.MongoReporterContacts;
import cn.luoyang.pollution.notification.templates.MessageTemplates;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reporter whose number takes no SMS (a landline, a foreign or an unparsed number) is not sent
 * one: the milestone ends UNREACHABLE with its reason on record and published, the callback's
 * input, and is never attempted, retried or left due. Real sender and Mongo adapters.
 */
class NotReachableBySmsTest {

    private final MongoFixture mongo = new MongoFixture();
    private final Clock clock = Clock.fixed(Events.T0, ZoneOffset.UTC);
    private final SenderRig rig = new SenderRig(mongo.template(), clock);
    private final MilestoneMessages milestones = new MilestoneMessages(rig.messages,
            new MongoReporterContacts(mongo.template()), new MongoCaseFiles(mongo.template()), MessageTemplates.chinese(),
            Catalogue.defaults(), new MilestoneSettings(MilestoneSettings.ALWAYS, Set.of(), 60, ZoneId.of("Asia/Shanghai")),
            clock, () -> { });

    @AfterEach
    void close() {
        mongo.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0379-63211234|not-sms-reachable: landline",
        "+44 20 7946 0958|not-sms-reachable: foreign",
        "call me after 6|not-sms-reachable: unparsed"})
    void aMilestoneForANumberThatTakesNoSmsEndsNotReachableBySmsAndNoSmsIsSubmitted(String phone, String reason) {
        ContactNumber number = PhoneNumbers.read(phone);
        milestones.registered(Events.registered("c-1", "LY-1", new SealedContact(false,
                rig.sealer().seal(number.normalForm()), number.masked(), number.kind().name())));

        assertThat(rig.sender.sendDue()).isEqualTo(1);

        SmsMessage message = rig.messages.byId(registeredMessage("c-1")).orElseThrow();
        assertThat(rig.gateway.handed).as("no SMS submitted").isEmpty();
        assertThat(message.state()).isEqualTo(MessageState.UNREACHABLE);
        assertThat(message.state().isFinal()).isTrue();
        assertThat(message.reason()).isEqualTo(reason);
        assertThat(message.isOutcomeUnknown()).isFalse();
        assertThat(rig.published).as("ReporterNotified UNREACHABLE published").containsExactly(message.id() + " UNREACHABLE");
        assertThat(rig.sender.sendDue()).as("nothing left due, nothing retried").isZero();
    }

    @Test
    void aLandlineWhoseKindTheEventDidNotSayIsRecognisedWhenOpened() {
        ContactNumber landline = PhoneNumbers.read("0379-63211234");
        milestones.registered(Events.registered("c-2", "LY-2",
                new SealedContact(false, rig.sealer().seal(landline.normalForm()), landline.masked())));

        rig.sender.sendDue();

        SmsMessage message = rig.messages.byId(registeredMessage("c-2")).orElseThrow();
        assertThat(rig.gateway.handed).isEmpty();
        assertThat(message.state()).isEqualTo(MessageState.UNREACHABLE);
        assertThat(message.reason()).isEqualTo("not-sms-reachable: landline");
    }

    @Test
    void aMainlandMobileStillGetsItsSms() {
        ContactNumber mobile = PhoneNumbers.read("+86 138 0000 0003");
        milestones.registered(Events.registered("c-3", "LY-3", new SealedContact(false,
                rig.sealer().seal(mobile.normalForm()), mobile.masked(), mobile.kind().name())));

        rig.sender.sendDue();

        assertThat(rig.gateway.handed).containsExactly(registeredMessage("c-3"));
        assertThat(rig.messages.byId(registeredMessage("c-3")).orElseThrow().state()).isEqualTo(MessageState.SENT);
    }

    private static String registeredMessage(String complaintId) {
        return MessageKey.of(complaintId, Milestone.REGISTERED, complaintId).asId();
    }
}
