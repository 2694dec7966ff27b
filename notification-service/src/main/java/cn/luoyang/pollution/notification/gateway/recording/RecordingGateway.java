package cn.luoyang.pollution.notification.gateway.recording;

import cn.luoyang.pollution.notification.gateway.OutgoingSms;
import cn.luoyang.pollution.notification.gateway.SmsGateway;
import cn.luoyang.pollution.notification.gateway.Submission;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded runtime's gateway: it reaches no phone. It logs the masked number and keeps the
 * message in the service's own collection ({@code sent_sms}), where demos and end-to-end tests
 * count what reporters would have received.
 */
public final class RecordingGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(RecordingGateway.class);

    private final SentSmsRecords records;
    private final Clock clock;

    public RecordingGateway(SentSmsRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Submission submit(OutgoingSms sms) {
        String gatewayId = "rec-" + UUID.randomUUID();
        records.record(new SentSmsRecords.Record(gatewayId, sms.messageId(), sms.complaintId(), sms.caseId(),
                sms.milestone(), sms.maskedPhone(), sms.text(), clock.instant()));
        log.info("SMS {} to {} recorded as {}: {}", sms.messageId(), sms.maskedPhone(), gatewayId, sms.text());
        return new Submission(gatewayId);
    }
}
