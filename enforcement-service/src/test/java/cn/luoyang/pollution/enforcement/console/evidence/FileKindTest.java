package cn.luoyang.pollution.enforcement.console.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Uploaded evidence is typed by its bytes: a real photo or PDF passes, anything renamed does not. */
class FileKindTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Test
    void recognisesTheAcceptedFormatsByTheirFirstBytes() {
        assertThat(FileKind.of(PNG)).contains("image/png");
        assertThat(FileKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10})).contains("image/jpeg");
        assertThat(FileKind.of(bytes("%PDF-1.7\n%âãÏÓ"))).contains("application/pdf");
        assertThat(FileKind.of(bytes("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).contains("image/webp");
        assertThat(FileKind.of(bytes("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000"))).contains("image/heic");
    }

    @Test
    void refusesWhatOnlyLooksLikeEvidenceByItsName() {
        assertThat(FileKind.of(bytes("<html><script>alert(1)</script></html>"))).isEmpty(); // e.g. named photo.jpg
        assertThat(FileKind.of(bytes("MZ\u0090\u0000"))).isEmpty(); // a Windows executable
        assertThat(FileKind.of(bytes("\u0000\u0000\u0000\u0018ftypmp42"))).isEmpty(); // a video
        assertThat(FileKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty(); // truncated
        assertThat(FileKind.of(new byte[0])).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
