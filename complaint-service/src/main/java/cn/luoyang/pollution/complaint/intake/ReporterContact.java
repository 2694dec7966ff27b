package cn.luoyang.pollution.complaint.intake;

import cn.luoyang.pollution.contracts.complaint.SealedContact;
import cn.luoyang.pollution.kit.contact.PhoneKind;

/**
 * The reporter's phone as this service may hold it: sealed for notification-service and masked
 * for people, with its kind (only a mobile takes an SMS). The plain number never reaches this type;
 * it is sealed at the edge. The kind is null when a hotline sealed the number and its mask tells
 * nothing (notification-service then reads the kind from the opened number).
 */
public record ReporterContact(boolean anonymous, String sealedPhone, String maskedPhone, PhoneKind phoneKind) {

    public static ReporterContact anonymousReporter() {
        return new ReporterContact(true, null, null, null);
    }

    public SealedContact toSealedContact() {
        return new SealedContact(anonymous, sealedPhone, maskedPhone, phoneKind == null ? null : phoneKind.name());
    }

    /** Last four characters of the masked number (its last four digits), or null for an anonymous reporter. */
    public String lastFour() {
        return maskedPhone == null ? null : maskedPhone.substring(maskedPhone.length() - 4);
    }

    @Override
    public String toString() {
        return anonymous ? "ReporterContact[anonymous]" : "ReporterContact[" + phoneKind + ", " + maskedPhone + "]";
    }
}
