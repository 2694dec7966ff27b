package cn.luoyang.pollution.notification.gateway;

/**
 * An SMS on its way to a gateway. It holds the opened phone number for the few milliseconds of the
 * hand-over; {@link #toString()} shows only the masked form, so a stray log line leaks nothing.
 */
public record OutgoingSms(String messageId, String complaintId, String caseId, String milestone, String phoneNumber,
        String maskedPhone, String text) {

    @Override
    public String toString() {
        return "OutgoingSms[" + messageId + " to " + maskedPhone + ", " + text.length() + " chars]";
    }
}
