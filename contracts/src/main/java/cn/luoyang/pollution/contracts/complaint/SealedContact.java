package cn.luoyang.pollution.contracts.complaint;

/**
 * The reporter's phone number as it may travel: sealed for the notification service (hybrid
 * public-key encryption, base64) and masked for people ({@code 138****1234}, {@code 0379-****1234},
 * {@code +44-****0958}, {@code ****1234}). Both are null when the report is anonymous. Nobody but the
 * notification service can open {@code sealedPhone}.
 *
 * @param phoneKind MOBILE, LANDLINE, FOREIGN or UNPARSED: only a MOBILE takes an SMS. Optional (added
 *     to version 1 later): null in older events and when the sender did not say; the notification
 *     service then reads the kind from the opened number.
 */
public record SealedContact(boolean anonymous, String sealedPhone, String maskedPhone, String phoneKind) {

    /** A contact whose kind the sender does not say. */
    public SealedContact(boolean anonymous, String sealedPhone, String maskedPhone) {
        this(anonymous, sealedPhone, maskedPhone, null);
    }

    public static SealedContact anonymousReporter() {
        return new SealedContact(true, null, null, null);
    }
}
