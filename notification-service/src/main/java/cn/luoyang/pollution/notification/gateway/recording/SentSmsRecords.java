package cn.luoyang.pollution.notification.gateway.recording;

import java.time.Instant;

/** Where the recording gateway keeps what it would have sent. */
public interface SentSmsRecords {

    void record(Record record);

    /** One recorded SMS: the masked number only, never the number itself. */
    record Record(String gatewayMessageId, String messageId, String complaintId, String caseId, String milestone,
            String maskedPhone, String text, Instant sentAt) {
    }
}
