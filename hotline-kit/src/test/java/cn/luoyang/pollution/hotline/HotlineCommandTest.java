package cn.luoyang.pollution.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.kit.contact.ContactKeys;
import cn.luoyang.pollution.kit.contact.ContactOpener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line: seal and suite print what they say; bad usage and bad report files exit 2 with a reason. */
class HotlineCommandTest {

    private static final ContactKeys.KeyPair KEYS = ContactKeys.generate();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void sealPrintsTheKindTheMaskAndASealOnlyThePrivateKeyOpens() throws IOException {
        int code = run("seal", "--key-file", keyFile().toString(), "+86 138 2000 0001");

        JsonNode sealed = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(sealed.get("phoneKind").asString()).isEqualTo("MOBILE");
        assertThat(sealed.get("maskedPhone").asString()).isEqualTo("138****0001");
        assertThat(ContactOpener.withPrivateKeyset(KEYS.privateKeyset()).open(sealed.get("sealedPhone").asString()))
                .isEqualTo("13820000001");
    }

    @Test
    void suitePrintsRfc9180Identifiers() throws IOException {
        assertThat(run("suite", "--key-file", keyFile().toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"kemId\" : 32", "\"kdfId\" : 1", "\"aeadId\" : 2");
    }

    @Test
    void wrongUsageAndIncompleteReportsExitWithTwoAndSayWhy() throws IOException {
        assertThat(run("publish", "--source", "hotline-12345", "--key-file", keyFile().toString(), "r.json")).isEqualTo(2);
        Path incomplete = Files.writeString(dir.resolve("r.json"), "{\"ticketId\":\"T-1\",\"channel\":\"HOTLINE_12345\"}");
        assertThat(run("publish", "--bootstrap", "127.0.0.1:1", "--source", "hotline-12345", "--key-file", keyFile().toString(),
                incomplete.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bootstrap is required", "needs ticketId, channel, category and description");
        assertThat(run("fly")).isEqualTo(2);
    }

    @Test
    void aReportFileHoldsOneReportOrAnArray() throws IOException {
        Path file = Files.writeString(dir.resolve("two.json"), """
                [{"ticketId":"T-1","channel":"HOTLINE_12345","category":"AIR_ODOUR","description":"化工厂异味","phone":"0379-63211234"},
                 {"ticketId":"T-2","channel":"HOTLINE_12369","category":"AIR_ODOUR","description":"洛龙区异味",
                  "location":{"longitude":112.45,"latitude":34.62,"datum":"GCJ02"},"observedAt":"2026-12-06T07:30:00+08:00"}]
                """);

        List<HotlineReport> reports = HotlineCommand.reportsIn(file);

        assertThat(reports).extracting(HotlineReport::ticketId).containsExactly("T-1", "T-2");
        assertThat(reports.get(1).location().longitude()).isEqualTo(112.45);
        assertThat(reports.get(0).toString()).doesNotContain("63211234");
    }

    private Path keyFile() throws IOException {
        return Files.writeString(dir.resolve("public.json"), KEYS.publicKeyset());
    }

    private int run(String... args) {
        return HotlineCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
