package cn.luoyang.pollution.kit.contact;

import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What a system written without Tink needs to seal a reporter's number the way {@link ContactSealer}
 * does: HPKE (RFC 9180) in base mode with the suite's identifiers, the recipient's raw public key, the
 * {@code info} string, an empty AAD, and Tink's 5-byte ciphertext prefix (0x01 and the key id) before
 * {@code enc || ciphertext}. Read from the public keyset, so it always describes the key in use.
 *
 * @param publicKey        the recipient's X25519 public key, base64
 * @param ciphertextPrefix hex of the bytes that precede {@code enc} in a sealed number
 */
public record HpkeSuite(String mode, int kemId, String kem, int kdfId, String kdf, int aeadId, String aead, String info,
        String aad, String publicKey, String ciphertextPrefix) {

    public static HpkeSuite of(String publicKeyset) {
        ContactKeys.registerPrimitives();
        try {
            KeysetHandle keys = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset);
            Key primary = keys.getPrimary().getKey();
            if (!(primary instanceof HpkePublicKey key)) {
                throw new IllegalArgumentException("the primary key is no HPKE public key: " + primary.getClass().getSimpleName());
            }
            HpkeParameters p = key.getParameters();
            return new HpkeSuite("base (0x00)", p.getKemId().getValue(), name(p.getKemId()), p.getKdfId().getValue(),
                    name(p.getKdfId()), p.getAeadId().getValue(), name(p.getAeadId()), ContactSealer.CONTEXT_INFO, "",
                    Base64.getEncoder().encodeToString(key.getPublicKeyBytes().toByteArray()),
                    HexFormat.of().formatHex(key.getOutputPrefix().toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a Tink public hybrid keyset", e);
        }
    }

    /** "DHKEM_X25519_HKDF_SHA256(0x0020)" → "DHKEM_X25519_HKDF_SHA256". */
    private static String name(Object id) {
        String text = id.toString();
        int paren = text.indexOf('(');
        return paren < 0 ? text : text.substring(0, paren);
    }
}
