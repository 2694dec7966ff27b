package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Topics;
import cn.luoyang.pollution.enforcement.Dispatches;
import cn.luoyang.pollution.enforcement.Eventually;
import cn.luoyang.pollution.enforcement.SitePhotos;
import cn.luoyang.pollution.enforcement.cases.Case;
import cn.luoyang.pollution.enforcement.cases.CaseState;
import cn.luoyang.pollution.enforcement.cases.Cases;
import cn.luoyang.pollution.enforcement.cases.application.CaseService;
import cn.luoyang.pollution.enforcement.officers.Officer;
import cn.luoyang.pollution.enforcement.officers.Role;
import cn.luoyang.pollution.kit.events.EventPublisher;
import cn.luoyang.pollution.testing.ServiceTest;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 取证材料 and 办结 on the console over real HTTP, signed in: a file that is not what it says is
 * refused beside the upload field; a real photo is listed and can be ticked in the closure form; a
 * closure without evidence is refused and keeps the typed reply; the verifier's page shows the
 * proposed reply, the photo and the inspection record; another district's handler cannot open the photo.
 */
@ServiceTest
class EvidencePagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final String CASE = "CASE-LY20261127-000960";
    private static final String REPLY = "经现场核查, 工地已覆盖裸土并洒水降尘。";

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    Cases cases;
    @Autowired
    CaseService service;

    @Test
    void uploadCiteAndVerifyOnTheConsole() throws Exception {
        publisher.publish(Topics.CASES_DISPATCHED, Dispatches.routine(CASE, "URBAN_MANAGEMENT", "410305"));
        Case opened = Eventually.until(() -> cases.find(CASE).orElse(null), c -> c != null, Duration.ofSeconds(30));
        service.accept(new Officer("cg-jianxi", "张伟", Role.HANDLER, "URBAN_MANAGEMENT", "410305", null), CASE, null);
        Browser handler = new Browser("cg-jianxi");

        String page = handler.get("/console/cases/" + CASE).body();
        assertThat(page).contains("取证材料", "本案还没有上传的取证材料", "id=\"evidence-upload\"");

        handler.postMultipart("/console/cases/" + CASE + "/evidence", Map.of(), "photos", "site.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        page = handler.get("/console/cases/" + CASE).body();
        assertThat(page).as("a .jpg that is not a JPEG").contains("只接受完整的 JPEG、PNG 照片, PDF 文书或 MP4 视频", "本案还没有上传的取证材料");

        byte[] photo = SitePhotos.jpeg();
        handler.postMultipart("/console/cases/" + CASE + "/evidence", Map.of(), "photos", "site-photo.jpg", "image/jpeg", photo);
        page = handler.get("/console/cases/" + CASE).body();
        Matcher ticked = Pattern.compile("name=\"files\" value=\"(evidence/([^/\"]+)/site-photo\\.jpg)\"").matcher(page);
        assertThat(ticked.find()).as("the upload is offered in the closure form").isTrue();
        String reference = ticked.group(1);
        String uploadId = ticked.group(2);

        handler.postMultipart("/console/cases/" + CASE + "/close", Map.of("reply", REPLY), "photos", "", "application/octet-stream",
                new byte[0]);
        page = handler.get("/console/cases/" + CASE).body();
        assertThat(cases.find(CASE).orElseThrow().state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(page).as("refused beside the evidence, the reply kept")
                .contains("办结须有证据: 选择本案已上传的文件, 或填写现场检查笔录", ">" + REPLY + "</textarea>");

        // the record is signed after the case opened (to the second, as the form's field is)
        Instant signed = opened.openedAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Eventually.until(Instant::now, now -> now.isAfter(signed), Duration.ofSeconds(5));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reply", REPLY);
        fields.put("files", reference);
        fields.put("recordNumber", "洛城管勘〔2026〕17号");
        fields.put("recordSigner", "cg-jianxi");
        fields.put("recordSignedAt", LocalDateTime.ofInstant(signed, ZoneId.of("Asia/Shanghai")).toString());
        fields.put("recordFindings", "裸土已覆盖");
        handler.postMultipart("/console/cases/" + CASE + "/close", fields, "photos", "", "application/octet-stream", new byte[0]);
        Case requested = cases.find(CASE).orElseThrow();
        assertThat(requested.state()).isEqualTo(CaseState.CLOSURE_REQUESTED);
        assertThat(requested.pendingClosure().orElseThrow().proposal().cited().references())
                .containsExactly(reference, "inspection-record/洛城管勘〔2026〕17号 signed by cg-jianxi");

        Browser verifier = new Browser("cg-jianxi-2");
        String verifying = verifier.get("/console/cases/" + CASE).body();
        assertThat(verifying).contains("id=\"closure-reply\">" + REPLY, "/console/evidence/" + uploadId + "/site-photo.jpg",
                "现场检查笔录 洛城管勘〔2026〕17号, 签字人 cg-jianxi", "data-action=\"closure-decision\"");
        HttpResponse<byte[]> shown = verifier.bytes("/console/evidence/" + uploadId + "/site-photo.jpg");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(shown.body()).isEqualTo(photo);

        assertThat(new Browser("cg-laocheng").bytes("/console/evidence/" + uploadId + "/site-photo.jpg").statusCode())
                .as("another district's handler").isIn(403, 404);
    }

    /** One signed-in person's browser (its own cookies). */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        Browser(String username) throws Exception {
            String form = "username=" + username + "&password=luoyang2026&_csrf=" + URLEncoder.encode(token("/console/login"),
                    StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = CSRF.matcher(page.body());
            if (m.find()) {
                csrf = m.group(1) != null ? m.group(1) : m.group(2);
            }
            return page;
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        void postMultipart(String path, Map<String, String> fields, String fileField, String filename, String type, byte[] content)
                throws Exception {
            if (csrf == null) {
                get("/console/cases/" + CASE);
            }
            String boundary = "----console" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf);
            all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(path + " redirects back to the page").isEqualTo(302);
        }

        private String token(String path) throws Exception {
            Matcher m = CSRF.matcher(http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(m.find()).isTrue();
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
