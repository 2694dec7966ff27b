package cn.luoyang.pollution.complaint.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MonitorPasswordsTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndDoesNotContainIt() {
        String hash = MonitorPasswords.hash("123456", 1_000);

        assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain("123456");
        assertThat(MonitorPasswords.matches("123456", hash)).isTrue();
        assertThat(MonitorPasswords.matches("123457", hash)).isFalse();
        assertThat(MonitorPasswords.matches("123456", "123456")).isFalse();
    }

    @Test
    void theRegistryCsvRefusesAPlaintextPassword() {
        String csv = CsvMonitors.HEADER + "\nLY0001,123456,SITE-1,URBAN_MANAGEMENT@410305\n";

        assertThatThrownBy(() -> CsvMonitors.read(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void theRegistryCsvFindsAMonitorByMn() {
        String hash = MonitorPasswords.hash("123456", 1_000);
        String csv = CsvMonitors.HEADER + "\n# a comment\n\nLY0001," + hash + ",SITE-1,URBAN_MANAGEMENT@410305\n";

        assertThat(CsvMonitors.read(new StringReader(csv)).byMn("LY0001"))
                .contains(new Monitor("LY0001", hash, "SITE-1", "URBAN_MANAGEMENT@410305"));
    }
}
