package cn.luoyang.pollution.kit.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSealingTest {

    private static final ContactKeys.KeyPair KEYS = ContactKeys.generate();

    @Test
    void onlyThePrivateKeyOpensWhatThePublicKeySealed() {
        String sealed = ContactSealer.withPublicKeyset(KEYS.publicKeyset()).seal("13812341234");

        assertThat(sealed).doesNotContain("13812341234");
        assertThat(ContactOpener.withPrivateKeyset(KEYS.privateKeyset()).open(sealed)).isEqualTo("13812341234");
    }

    @Test
    void sealingTheSameNumberTwiceGivesDifferentTexts() {
        ContactSealer sealer = ContactSealer.withPublicKeyset(KEYS.publicKeyset());
        assertThat(sealer.seal("13812341234")).isNotEqualTo(sealer.seal("13812341234"));
    }

    @Test
    void anotherKeyPairCannotOpenIt() {
        String sealed = ContactSealer.withPublicKeyset(KEYS.publicKeyset()).seal("13812341234");
        ContactOpener stranger = ContactOpener.withPrivateKeyset(ContactKeys.generate().privateKeyset());
        assertThatThrownBy(() -> stranger.open(sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePublicKeysetHoldsNoSecret() {
        assertThatThrownBy(() -> ContactOpener.withPrivateKeyset(KEYS.publicKeyset()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ensureGeneratesOnceAndThenKeepsThePair(@TempDir Path dir) throws Exception {
        ContactKeys.KeyPair first = ContactKeys.ensure(dir);
        ContactKeys.KeyPair second = ContactKeys.ensure(dir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dir.resolve(ContactKeys.PRIVATE_FILE)))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(first.toString()).doesNotContain(first.privateKeyset());
        String sealed = ContactSealer.withPublicKeyset(first.publicKeyset()).seal("13812341234");
        assertThat(ContactOpener.withPrivateKeyset(first.privateKeyset()).open(sealed)).isEqualTo("13812341234");
    }
}
