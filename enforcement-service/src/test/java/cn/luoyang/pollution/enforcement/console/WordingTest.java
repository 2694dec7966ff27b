package cn.luoyang.pollution.enforcement.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.Actor;
import cn.luoyang.pollution.enforcement.cases.HistoryEntry;
import cn.luoyang.pollution.enforcement.console.map.LuoyangMap;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The sentences the domain and dispatch-service write in English, as the Chinese console shows them
 * (and unchanged under {@code ?lang=en}), with the console's own message source.
 */
class WordingTest {

    private final MessageSource messages = new ConsoleConfiguration().messageSource();
    private final Wording wording = new Wording(messages, new Labels(new LuoyangMap(), messages));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static HistoryEntry entry(String action, String note) {
        return new HistoryEntry(1, action, null, null, new Actor("dispatch-service", "SYSTEM", "DISPATCH"),
                Instant.parse("2026-11-27T02:00:00Z"), List.of(), note, null, "0", "0");
    }

    @Test
    void theTimelinesOwnNotesReadInChineseWithUnitsNamedWithTheirLevel() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(wording.note(entry("DISPATCHED", "routing round 1 to HOUSING_CONSTRUCTION@410305")))
                .isEqualTo("第 1 轮派单至涧西区住房和城乡建设局");
        assertThat(wording.note(entry("DISPATCHED", "routing round 2 to HOUSING_CONSTRUCTION@410300 (arbitrated)")))
                .isEqualTo("第 2 轮派单至洛阳市住房和城乡建设局 (攻坚办裁定)");
        assertThat(wording.note(entry("RETURNED", "NOT_OUR_DUTY: 属住建部门职责"))).isEqualTo("不属本单位职责: 属住建部门职责");
        assertThat(wording.note(entry("OVERDUE", "SIGN deadline 2026-11-28T02:00:00Z passed")))
                .isEqualTo("签收时限已于 2026-11-28 10:00 超期");
        assertThat(wording.note(entry("ACCEPTED", "已签收, 今天到场"))).as("a person's words as written").isEqualTo("已签收, 今天到场");
        assertThat(wording.actor(new Actor("cg-jianxi", "HANDLER", "URBAN_MANAGEMENT@410305")))
                .isEqualTo("cg-jianxi · 承办人 · 涧西区城市管理局");
        assertThat(wording.actor(new Actor("dispatch-service", "SYSTEM", "DISPATCH"))).isEqualTo("派单系统");
    }

    @Test
    void dispatchTracesAndQueueReasonsReadInChinese() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        assertThat(wording.dispatch("point in 410305 涧西区 polygon")).isEqualTo("坐标位于涧西区辖区范围内");
        assertThat(wording.dispatch("point in 410305 polygon")).isEqualTo("坐标位于涧西区辖区范围内");
        assertThat(wording.dispatch("R-DUST-2 v3 (precedence 40): construction dust, no registered site → housing & construction"
                + " of the territory → HOUSING_CONSTRUCTION + [ECOLOGY_ENVIRONMENT]"))
                .isEqualTo("按派单规则 R-DUST-2 (第 3 版, 优先级 40) 由住房和城乡建设局主办, 生态环境局协办");
        assertThat(wording.dispatch("returned by URBAN_MANAGEMENT (NOT_OUR_DUTY: 属住建职责); return 1 of 2"))
                .isEqualTo("城市管理局退单 (不属本单位职责: 属住建职责), 第 1 次 (最多 2 次)");
        assertThat(wording.dispatch("no coordinates and no district named in the address")).isEqualTo("无坐标, 地址中也没有区县名");
        assertThat(wording.term("NO_TERRITORY")).isEqualTo("无法确定属地");
        assertThat(wording.step("territory")).isEqualTo("属地");
    }

    @Test
    void aRefusalOfTheRulesIsSaidInChineseBesideItsField() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        Wording.Refusal evidence = wording.refusal("this step needs evidence (inspection record, photos)");
        assertThat(evidence.message()).isEqualTo("此步骤须附证据 (核查记录编号或现场照片)");
        assertThat(evidence.field()).isEqualTo("evidence");
        assertThat(wording.refusal("case CASE-1 cannot go from CLOSED to ACCEPTED").message())
                .isEqualTo("案件当前为「已办结」, 不能转为「已签收」");
        assertThat(wording.refusal("something nobody wrote a pattern for").message()).doesNotContainPattern("[A-Za-z]{3,}");
    }

    @Test
    void underEnglishTheOriginalSentencesStay() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(wording.note(entry("DISPATCHED", "routing round 1 to HOUSING_CONSTRUCTION@410305")))
                .isEqualTo("routing round 1 to HOUSING_CONSTRUCTION@410305");
        assertThat(wording.refusal("this step needs evidence (inspection record, photos)").message())
                .isEqualTo("this step needs evidence (inspection record, photos)");
        assertThat(wording.step("territory")).isEqualTo("Territory");
    }
}
