package cn.luoyang.pollution.enforcement.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.luoyang.pollution.enforcement.SitePhotos;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Evidence is typed by how its bytes open and end, and held against the name and type it claims. */
class FileKindTest {

    static final byte[] PDF = ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    @Test
    void completeFilesAreKnownByTheirContent() {
        assertThat(FileKind.of(SitePhotos.jpeg())).contains(FileKind.JPEG);
        assertThat(FileKind.of(SitePhotos.png())).contains(FileKind.PNG);
        assertThat(FileKind.of(PDF)).contains(FileKind.PDF);
        assertThat(FileKind.of(mp4("isom", box("moov", 16), box("mdat", 64)))).contains(FileKind.MP4);
    }

    @Test
    void aFileThatOpensRightButDoesNotEndRightIsRefused() {
        byte[] jpeg = SitePhotos.jpeg();
        byte[] png = SitePhotos.png();
        assertThat(FileKind.of(Arrays.copyOf(jpeg, jpeg.length - 10))).as("a cut JPEG").isEmpty();
        assertThat(FileKind.of(Arrays.copyOf(png, png.length - 12))).as("a PNG without IEND").isEmpty();
        assertThat(FileKind.of(ascii("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"))).as("a PDF without %%EOF").isEmpty();
        byte[] video = mp4("isom", box("moov", 16), box("mdat", 64));
        assertThat(FileKind.of(Arrays.copyOf(video, video.length - 1))).as("an MP4 whose last box is cut").isEmpty();
        assertThat(FileKind.of(mp4("isom", box("mdat", 64)))).as("an MP4 without its movie box").isEmpty();
        assertThat(FileKind.of(mp4("qt  ", box("moov", 16)))).as("a QuickTime brand").isEmpty();
    }

    @Test
    void otherContentIsNoKind() {
        assertThat(FileKind.of(ascii("<html><script>alert(1)</script></html>"))).isEmpty();
        assertThat(FileKind.of(ascii("MZ\u0090\u0000"))).isEmpty();
        assertThat(FileKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9})).isEmpty();
        assertThat(FileKind.of(new byte[0])).isEmpty();
        assertThat(FileKind.of(null)).isEmpty();
    }

    @Test
    void anUploadWhoseNameOrTypeClaimsAnotherKindIsRefused() {
        Instant at = Instant.parse("2026-11-25T02:00:00Z");
        EvidenceFile ok = EvidenceFile.check("u1", "CASE-1", "site.jpg", "image/jpeg", SitePhotos.jpeg(), 10_000, "cg-jianxi", at);
        assertThat(ok.kind()).isEqualTo(FileKind.JPEG);
        assertThat(ok.size()).isEqualTo(SitePhotos.jpeg().length);
        assertThat(ok.sha256()).hasSize(64).isEqualTo(EvidenceFile.sha256(SitePhotos.jpeg()));
        assertThat(ok.reference()).isEqualTo("evidence/u1/site.jpg");
        assertThat(EvidenceFile.check("u2", "CASE-1", "scan", "application/octet-stream", PDF, 10_000, "cg-jianxi", at).kind())
                .as("no extension, a generic type: the content decides").isEqualTo(FileKind.PDF);

        assertThatThrownBy(() -> EvidenceFile.check("u3", "CASE-1", "site.jpg", "image/jpeg", SitePhotos.png(), 10_000, "x", at))
                .isInstanceOf(InvalidEvidenceFile.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> EvidenceFile.check("u4", "CASE-1", "site.png", "image/jpeg", SitePhotos.png(), 10_000, "x", at))
                .isInstanceOf(InvalidEvidenceFile.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> EvidenceFile.check("u5", "CASE-1", "site.jpg", "image/jpeg", ascii("<html></html>"), 10_000, "x", at))
                .isInstanceOf(InvalidEvidenceFile.class).hasMessageContaining("not a complete");
        assertThatThrownBy(() -> EvidenceFile.check("u6", "CASE-1", "site.jpg", "image/jpeg", SitePhotos.jpeg(), 100, "x", at))
                .isInstanceOf(InvalidEvidenceFile.class).hasMessageContaining("larger than 100");
    }

    @Test
    void onlyUploadReferencesNameAnUpload() {
        assertThat(EvidenceFile.uploadIdOf("evidence/6f1c/site.jpg")).isEqualTo("6f1c");
        assertThat(EvidenceFile.uploadIdOf("现场已处理")).isNull();
        assertThat(EvidenceFile.uploadIdOf("photo-001.jpg")).isNull();
        assertThat(EvidenceFile.uploadIdOf("evidence/")).isNull();
    }

    private static byte[] mp4(String brand, byte[]... boxes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] ftyp = ByteBuffer.allocate(16).putInt(16).put(ascii("ftyp")).put(ascii(brand)).putInt(0).array();
        out.writeBytes(ftyp);
        for (byte[] b : boxes) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static byte[] box(String type, int size) {
        return ByteBuffer.allocate(size).putInt(size).put(ascii(type)).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
