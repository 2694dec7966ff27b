package cn.luoyang.pollution.contracts.complaint;

/**
 * The reporter's phone number as it may travel: sealed for the notification service (hybrid
 * public-key encryption, base64) and masked for people ({@code 138****1234}). Both are null when
 * the report is anonymous. Nobody but the notification service can open {@code sealedPhone}.
 */
public record SealedContact(boolean anonymous, String sealedPhone, String maskedPhone) {

    public static SealedContact anonymousReporter() {
        return new SealedContact(true, null, null);
    }
}
