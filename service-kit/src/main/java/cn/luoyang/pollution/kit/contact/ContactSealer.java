package cn.luoyang.pollution.kit.contact;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** Seals a phone number for notification-service with its public key; the result is base64 text. */
public final class ContactSealer {

    /** HPKE's {@code info}: a seal made with other context info does not open. */
    public static final String CONTEXT_INFO = "luoyang-pollution/reporter-contact/v1";
    static final byte[] CONTEXT = CONTEXT_INFO.getBytes(StandardCharsets.UTF_8);

    private final HybridEncrypt encrypt;

    private ContactSealer(HybridEncrypt encrypt) {
        this.encrypt = encrypt;
    }

    public static ContactSealer withPublicKeyset(String publicKeysetJson) {
        ContactKeys.registerPrimitives();
        try {
            KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeysetJson);
            return new ContactSealer(keys.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a Tink public hybrid keyset", e);
        }
    }

    public String seal(String phoneNumber) {
        try {
            return Base64.getEncoder().encodeToString(
                    encrypt.encrypt(phoneNumber.getBytes(StandardCharsets.UTF_8), CONTEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }
}
