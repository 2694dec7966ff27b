package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.complaint.SealedContact;

/**
 * The reporter's phone as this service may hold it: sealed for notification-service and masked
 * for people. The plain number never reaches this type; it is sealed at the edge.
 */
public record ReporterContact(boolean anonymous, String sealedPhone, String maskedPhone) {

    public static ReporterContact anonymousReporter() {
        return new ReporterContact(true, null, null);
    }

    public SealedContact toSealedContact() {
        return new SealedContact(anonymous, sealedPhone, maskedPhone);
    }

    /** Last four digits of the masked number, or null for an anonymous reporter. */
    public String lastFour() {
        return maskedPhone == null ? null : maskedPhone.substring(maskedPhone.length() - 4);
    }

    @Override
    public String toString() {
        return anonymous ? "ReporterContact[anonymous]" : "ReporterContact[" + maskedPhone + "]";
    }
}
