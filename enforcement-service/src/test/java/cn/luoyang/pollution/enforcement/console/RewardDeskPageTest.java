package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.complaint.ClaimCodeHash;
import cn.luoyang.pollution.enforcement.rewards.ClaimState;
import cn.luoyang.pollution.enforcement.rewards.RewardClaim;
import cn.luoyang.pollution.enforcement.rewards.RewardClaims;
import cn.luoyang.pollution.enforcement.rewards.RewardRules;
import cn.luoyang.pollution.enforcement.rewards.Severity;
import cn.luoyang.pollution.testing.ServiceTest;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * 有奖举报 in the console (/console/rewards) over HTTP and the embedded MongoDB, signed in as the
 * campaign office: the claims with their rule's range and approver; an amount outside the range, an
 * unreadable one, a refusal without a reason and a payment without a reference are refused beside
 * their field with what was typed kept; approve, pay and refuse go through; a claim whose rule names
 * ADMIN is offered to the admin only (the office's post is 403); filters by state and district; the
 * page names no reporter and shows no code; a handler may not open it; English under ?lang=en.
 */
@ServiceTest
@TestPropertySource(properties = {"enforcement.scheduling.enabled=false", "enforcement.reinspection.share=0"})
class RewardDeskPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final Instant T = Instant.parse("2026-11-30T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    RewardClaims claims;
    @Autowired
    RewardRules rules;

    @Test
    void theCampaignOfficeApprovesPaysAndRefusesClaimsFromTheConsole() throws Exception {
        RewardClaim fined = open("cmp-desk-701", "LY20261130-000701", "410305", Severity.PENALTY); // 200–1000, the office
        RewardClaim rectified = open("cmp-desk-702", "LY20261130-000702", "410302", Severity.RECTIFICATION); // 50–200
        RewardClaim closedDown = open("cmp-desk-703", "LY20261130-000703", "410305", Severity.MAJOR_PENALTY); // ADMIN approves
        RewardClaim anonymous = claims.openOnce(RewardClaim.open("cmp-desk-704", "CASE-LY20261130-000704", "LY20261130-000704",
                "AIR_CONSTRUCTION_DUST", "410305", Severity.PENALTY, rules.ruleFor("AIR_CONSTRUCTION_DUST", Severity.PENALTY),
                ClaimCodeHash.of("048213907766", new SecureRandom()), T)); // no phone: the code was given at filing
        Browser office = new Browser("campaign");

        String desk = office.get("/console/rewards").body();
        assertThat(claim(desk, anonymous)).contains("领奖码已在举报时交给举报人").doesNotContain(anonymous.codeHash());
        assertThat(claim(desk, fined)).doesNotContain("领奖码已在举报时交给举报人");
        assertThat(claim(desk, fined)).contains("LY20261130-000701", "待审批", "奖励标准 200–1000 元", "审批: 市攻坚办",
                "/console/cases/" + fined.caseId(), "data-action=\"approve\"", "data-action=\"refuse\"");
        assertThat(claim(desk, closedDown)).contains("此项奖励由平台管理员批准", "data-action=\"refuse\"").doesNotContain("data-action=\"approve\"");
        assertThat(desk).contains("有奖举报统计").doesNotContain(fined.codeHash(), "13812345678");

        HttpResponse<String> tooMuch = office.post("/console/rewards/" + fined.claimId() + "/approve",
                Map.of("amountYuan", "5000", "note", "罚款二万元"));
        assertThat(tooMuch.statusCode()).isEqualTo(302);
        assertThat(tooMuch.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("#claim-" + fined.claimId()));
        assertThat(claim(office.get("/console/rewards").body(), fined))
                .contains("金额须在 200–1000 元之间", "value=\"5000\"", "value=\"罚款二万元\"");
        office.post("/console/rewards/" + fined.claimId() + "/approve", Map.of("amountYuan", "五百"));
        assertThat(claim(office.get("/console/rewards").body(), fined)).contains("请填写奖励金额 (数字)", "value=\"五百\"");
        assertThat(state(fined)).isEqualTo(ClaimState.OPEN);

        office.post("/console/rewards/" + fined.claimId() + "/approve", Map.of("amountYuan", "500", "note", "按标准奖励"));
        assertThat(state(fined)).isEqualTo(ClaimState.APPROVED);
        assertThat(claims.find(fined.claimId()).orElseThrow().amountYuan()).isEqualByComparingTo(new BigDecimal("500"));
        assertThat(claim(office.get("/console/rewards").body(), fined)).contains("已批准", "500 元", "data-action=\"pay\"");

        office.post("/console/rewards/" + fined.claimId() + "/pay", Map.of("reference", " "));
        assertThat(claim(office.get("/console/rewards").body(), fined)).contains("请填写发放凭证号");
        office.post("/console/rewards/" + fined.claimId() + "/pay", Map.of("reference", "ICBC-20261201-0042"));
        assertThat(state(fined)).isEqualTo(ClaimState.PAID);

        office.post("/console/rewards/" + rectified.claimId() + "/refuse", Map.of("reason", ""));
        assertThat(claim(office.get("/console/rewards").body(), rectified)).contains("不予奖励须写明理由");
        assertThat(state(rectified)).isEqualTo(ClaimState.OPEN);
        office.post("/console/rewards/" + rectified.claimId() + "/refuse", Map.of("reason", "举报前已立案查处"));
        assertThat(state(rectified)).isEqualTo(ClaimState.REFUSED);
        assertThat(claim(office.get("/console/rewards").body(), rectified)).contains("不予奖励", "举报前已立案查处");
        office.post("/console/rewards/" + rectified.claimId() + "/approve", Map.of("amountYuan", "100"));
        assertThat(claim(office.get("/console/rewards").body(), rectified)).contains("此申领已处理, 不能再次审批");

        assertThat(office.post("/console/rewards/" + closedDown.claimId() + "/approve", Map.of("amountYuan", "2000")).statusCode())
                .as("the rule names ADMIN").isEqualTo(403);
        assertThat(state(closedDown)).isEqualTo(ClaimState.OPEN);
        Browser admin = new Browser("admin");
        assertThat(claim(admin.get("/console/rewards").body(), closedDown)).contains("data-action=\"approve\"");
        admin.post("/console/rewards/" + closedDown.claimId() + "/approve", Map.of("amountYuan", "2000"));
        assertThat(state(closedDown)).isEqualTo(ClaimState.APPROVED);

        String paid = office.get("/console/rewards?state=PAID").body();
        assertThat(paid).contains("data-claim=\"" + fined.claimId() + "\"").doesNotContain("data-claim=\"" + rectified.claimId() + "\"",
                "data-claim=\"" + closedDown.claimId() + "\"");
        String laocheng = office.get("/console/rewards?district=410302").body();
        assertThat(laocheng).contains("data-claim=\"" + rectified.claimId() + "\"").doesNotContain("data-claim=\"" + fined.claimId() + "\"");
        assertThat(office.get("/console/rewards?lang=en").body()).contains("Rewarded reporting", "Rule: 200–1000 yuan");

        Browser handler = new Browser("cg-jianxi");
        assertThat(handler.get("/console/rewards").statusCode()).isEqualTo(403);
        assertThat(handler.get("/console/inbox").body()).doesNotContain("/console/rewards");
    }

    private RewardClaim open(String complaintId, String tracking, String district, Severity severity) {
        return claims.openOnce(RewardClaim.open(complaintId, "CASE-" + tracking, tracking, "AIR_CONSTRUCTION_DUST", district,
                severity, rules.ruleFor("AIR_CONSTRUCTION_DUST", severity), "hash-of-" + complaintId, T));
    }

    private ClaimState state(RewardClaim c) {
        return claims.find(c.claimId()).orElseThrow().state();
    }

    /** The page's article of the claim. */
    private static String claim(String page, RewardClaim c) {
        Matcher m = Pattern.compile("<article[^>]*id=\"claim-" + c.claimId() + "\"[\\s\\S]*?</article>").matcher(page);
        assertThat(m.find()).as("the page shows claim " + c.claimId()).isTrue();
        return m.group();
    }

    /** A signed-in console session. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(String user) throws Exception {
            String form = "username=" + user + "&password=luoyang2026&_csrf=" + URLEncoder.encode(token("/console/login"), StandardCharsets.UTF_8);
            http.send(HttpRequest.newBuilder(uri("/console/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token("/console/rewards"));
            String form = all.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private String token(String path) throws Exception {
            Matcher token = CSRF.matcher(get(path).body());
            assertThat(token.find()).as(path + " carries a CSRF token").isTrue();
            return token.group(1) != null ? token.group(1) : token.group(2);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
