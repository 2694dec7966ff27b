package cn.luoyang.pollution.notification.reporters;

/**
 * How to reach the reporter of one complaint: the number sealed for this service (opened only at
 * the moment of sending) and its masked form for logs and people. Anonymous reporters get no SMS.
 */
public record ReporterContact(String complaintId, String trackingNumber, boolean anonymous, String sealedPhone,
        String maskedPhone) {

    public boolean reachable() {
        return !anonymous && sealedPhone != null && !sealedPhone.isBlank();
    }

    @Override
    public String toString() {
        return "ReporterContact[" + complaintId + ", " + trackingNumber + ", " + (anonymous ? "anonymous" : maskedPhone) + "]";
    }
}
