package cn.luoyang.pollution.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import cn.luoyang.pollution.kit.contact.HpkeSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.hpke.HPKE;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A hotline written without Tink can seal: BouncyCastle's HPKE, given nothing but the published suite
 * (RFC 9180 identifiers, raw public key, info, empty AAD, Tink's prefix), makes a sealed number the
 * platform opens; and the test vectors shipped for other languages open with their test key.
 */
class HpkeInteropTest {

    private static final Path VECTORS = Path.of("test-vectors/reporter-contact-hpke.json");

    @Test
    void theSuiteNamesRfc9180sIdentifiersOfTheKeyInUse() {
        HpkeSuite suite = HpkeSuite.of(ContactKeys.generate().publicKeyset());

        assertThat(suite.kemId()).isEqualTo(0x0020);
        assertThat(suite.kem()).isEqualTo("DHKEM_X25519_HKDF_SHA256");
        assertThat(suite.kdfId()).isEqualTo(0x0001);
        assertThat(suite.aeadId()).isEqualTo(0x0002);
        assertThat(suite.info()).isEqualTo("luoyang-pollution/reporter-contact/v1");
        assertThat(Base64.getDecoder().decode(suite.publicKey())).hasSize(32);
        assertThat(suite.ciphertextPrefix()).hasSize(10).startsWith("01");
    }

    @Test
    void anIndependentHpkeImplementationSealsFromThePublishedSuiteAloneAndThePlatformOpensIt() throws Exception {
        ContactKeys.KeyPair keys = ContactKeys.generate();
        HpkeSuite suite = HpkeSuite.of(keys.publicKeyset());

        String sealed = sealWithoutTink(suite, "+8637963211234");

        assertThat(ContactOpener.withPrivateKeyset(keys.privateKeyset()).open(sealed)).isEqualTo("+8637963211234");
    }

    @Test
    void theShippedTestVectorsOpenWithTheirTestKeyAndDescribeItsSuite() throws IOException {
        JsonNode vectors = JsonMapper.builder().build().readTree(Files.readString(VECTORS, StandardCharsets.UTF_8));
        String privateKeyset = vectors.get("testPrivateKeyset").toString();
        ContactOpener opener = ContactOpener.withPrivateKeyset(privateKeyset);
        HpkeSuite published = HpkeSuite.of(vectors.get("testPublicKeyset").toString());

        assertThat(vectors.get("suite").get("publicKey").asString()).isEqualTo(published.publicKey());
        assertThat(vectors.get("suite").get("ciphertextPrefix").asString()).isEqualTo(published.ciphertextPrefix());
        assertThat(vectors.get("vectors").size()).isGreaterThanOrEqualTo(3);
        for (JsonNode v : vectors.get("vectors")) {
            assertThat(opener.open(v.get("sealedPhone").asString())).as(v.toString()).isEqualTo(v.get("normalForm").asString());
        }
    }

    @Test
    void anIndependentHpkeImplementationOpensTheVectorsWithTheRawTestKeyAndTheSuite() throws Exception {
        JsonNode vectors = JsonMapper.builder().build().readTree(Files.readString(VECTORS, StandardCharsets.UTF_8));
        JsonNode suite = vectors.get("suite");
        HPKE hpke = new HPKE(HPKE.mode_base, (short) suite.get("kemId").asInt(), (short) suite.get("kdfId").asInt(),
                (short) suite.get("aeadId").asInt());
        var recipient = hpke.deserializePrivateKey(Base64.getDecoder().decode(vectors.get("testPrivateKey").asString()),
                Base64.getDecoder().decode(suite.get("publicKey").asString()));
        int prefix = suite.get("ciphertextPrefix").asString().length() / 2;

        for (JsonNode v : vectors.get("vectors")) {
            byte[] sealed = Base64.getDecoder().decode(v.get("sealedPhone").asString());
            byte[] enc = java.util.Arrays.copyOfRange(sealed, prefix, prefix + hpke.getEncSize());
            byte[] ciphertext = java.util.Arrays.copyOfRange(sealed, prefix + hpke.getEncSize(), sealed.length);
            byte[] opened = hpke.open(enc, recipient, suite.get("info").asString().getBytes(StandardCharsets.UTF_8), new byte[0],
                    ciphertext, null, null, null);
            assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo(v.get("normalForm").asString());
        }
    }

    /** What a hotline in another language does, here with BouncyCastle: base mode, the suite's ids, raw key, info, empty AAD. */
    static String sealWithoutTink(HpkeSuite suite, String normalForm) throws Exception {
        HPKE hpke = new HPKE(HPKE.mode_base, (short) suite.kemId(), (short) suite.kdfId(), (short) suite.aeadId());
        byte[][] sealed = hpke.seal(hpke.deserializePublicKey(Base64.getDecoder().decode(suite.publicKey())),
                suite.info().getBytes(StandardCharsets.UTF_8), new byte[0], normalForm.getBytes(StandardCharsets.UTF_8),
                null, null, null);
        byte[] prefix = HexFormat.of().parseHex(suite.ciphertextPrefix());
        byte[] ciphertext = sealed[0];
        byte[] enc = sealed[1];
        byte[] out = new byte[prefix.length + enc.length + ciphertext.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(enc, 0, out, prefix.length, enc.length);
        System.arraycopy(ciphertext, 0, out, prefix.length + enc.length, ciphertext.length);
        return Base64.getEncoder().encodeToString(out);
    }
}
