package cn.luoyang.pollution.enforcement.accounts.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.contracts.complaint.MediaRef;
import cn.luoyang.pollution.enforcement.Registrations;
import cn.luoyang.pollution.enforcement.accounts.DigitRuns;
import cn.luoyang.pollution.enforcement.accounts.ReporterAccount;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTranslationTest {

    @Test
    void validNumbersInTheDescriptionAndAddressAreMasked() {
        ReporterAccount a = AccountTranslation.of(Registrations.of("c-1", "工地扬尘, 请联系我 13812345678 或座机 0379-63211234",
                "涧西区天津路 88 号 (电话 13912345678)", Instant.parse("2026-11-27T01:00:00Z")));

        assertThat(a.description()).contains("138****5678", "0379-****1234").doesNotContain("13812345678", "63211234");
        assertThat(a.addressText()).contains("天津路 88 号", "139****5678").doesNotContain("13912345678");
    }

    @Test
    void longDigitRunsThatAreNoValidNumberKeepOnlyTheirLastFour() {
        assertThat(AccountTranslation.masked("打 1381234567 或 123456789012")).isEqualTo("打 ****4567 或 ****9012");
    }

    @Test
    void datesHouseNumbersAndAmountsStayAsWritten() {
        String text = "2026-11-27 8:30 起, 天津路 188 号, 约 300 平方米裸土, 编号 123456";
        assertThat(DigitRuns.mask(text)).isEqualTo(text);
        assertThat(AccountTranslation.masked(text)).isEqualTo(text);
    }

    @Test
    void theSealedContactIsNotCarriedOver() {
        ReporterAccount a = AccountTranslation.of(Registrations.of("c-2", "夜间施工噪声", "洛龙区开元大道", Instant.parse("2026-11-27T01:00:00Z"),
                new MediaRef("gridfs:Hx3fQm9TzV1cK8aLpR2wYg", "image/jpeg", 1200)));

        assertThat(a.toString()).doesNotContain(Registrations.SEALED, Registrations.MASKED_CONTACT);
        assertThat(a.channel()).isEqualTo("WECHAT");
        assertThat(a.media()).containsExactly(new ReporterAccount.Media("gridfs:Hx3fQm9TzV1cK8aLpR2wYg", "image/jpeg"));
    }
}
