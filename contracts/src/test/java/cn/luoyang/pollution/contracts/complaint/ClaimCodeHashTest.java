package cn.luoyang.pollution.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ClaimCodeHashTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aNewCodeIsTwelveDigits() {
        assertThat(ClaimCodeHash.newCode(random)).matches("\\d{12}");
    }

    @Test
    void theCodeMatchesItsHashAndNoOtherCode() {
        String code = "048213907766";
        String hash = ClaimCodeHash.of(code, random);
        assertThat(ClaimCodeHash.matches(code, hash)).isTrue();
        assertThat(ClaimCodeHash.matches("048213907767", hash)).isFalse();
        assertThat(ClaimCodeHash.matches("", hash)).isFalse();
        assertThat(ClaimCodeHash.matches(null, hash)).isFalse();
    }

    @Test
    void theHashIsSaltedSlowAndHoldsNoCode() {
        String code = "048213907766";
        String first = ClaimCodeHash.of(code, random);
        String second = ClaimCodeHash.of(code, random);
        assertThat(first).isNotEqualTo(second).doesNotContain(code).startsWith("pbkdf2-sha256$100000$");
        assertThat(first.split("\\$")).hasSize(4);
        assertThat(ClaimCodeHash.isOne(first)).isTrue();
    }

    @Test
    void aMalformedOrForeignHashMatchesNothing() {
        assertThat(ClaimCodeHash.matches("048213907766", null)).isFalse();
        assertThat(ClaimCodeHash.matches("048213907766", "3f9a0c")).isFalse();
        assertThat(ClaimCodeHash.matches("048213907766", "pbkdf2-sha256$x$AA$AA")).isFalse();
        assertThat(ClaimCodeHash.matches("048213907766", "pbkdf2-sha256$100000$!!$AA")).isFalse();
        assertThat(ClaimCodeHash.matches("048213907766", "pbkdf2-sha256$100000$AA")).isFalse();
        assertThat(ClaimCodeHash.isOne("3f9a0c")).isFalse();
    }
}
