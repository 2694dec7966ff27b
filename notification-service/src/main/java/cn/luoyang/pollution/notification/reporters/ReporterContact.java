package cn.luoyang.pollution.notification.reporters;

import cn.luoyang.pollution.kit.contact.PhoneKind;

/**
 * How to reach the reporter of one complaint: the number sealed for this service (opened only at
 * the moment of sending), its masked form for logs and people, and its kind when intake said it
 * (null in older events and from hotlines that do not say: the opened number tells). Anonymous
 * reporters get no SMS.
 */
public record ReporterContact(String complaintId, String trackingNumber, boolean anonymous, String sealedPhone,
        String maskedPhone, PhoneKind phoneKind) {

    public boolean reachable() {
        return !anonymous && sealedPhone != null && !sealedPhone.isBlank();
    }

    /** Whether intake already said that this number takes no SMS (a landline, foreign or unparsed number). */
    public boolean knownNotToTakeSms() {
        return phoneKind != null && !phoneKind.takesSms();
    }

    @Override
    public String toString() {
        return "ReporterContact[" + complaintId + ", " + trackingNumber + ", " + (anonymous ? "anonymous" : maskedPhone) + "]";
    }
}
