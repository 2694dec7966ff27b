package cn.luoyang.pollution.notification.templates;

import static org.assertj.core.api.Assertions.assertThat;

import cn.luoyang.pollution.notification.messages.Milestone;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    @Test
    void chineseTextStartsWithTheCitySignatureAndFillsTheSlots() {
        String text = MessageTemplates.chinese().render(Milestone.REGISTERED, Map.of("trackingNumber", "LY20261128-000042"));
        assertThat(text).isEqualTo("【洛阳生态环境】您反映的环境问题已受理，受理编号LY20261128-000042，可凭此编号查询办理进度。");
    }

    @Test
    void englishSetHasItsOwnSignatureAndTheSurveyQuestion() {
        String text = MessageTemplates.of(Language.EN, null, Map.of())
                .render(Milestone.CLOSED, Map.of("trackingNumber", "LY1", "reply", "The plant was shut."));
        assertThat(text).startsWith("[Luoyang Eco-Environment]").contains("The plant was shut.").contains("1 satisfied");
    }

    @Test
    void theCityMayReplaceATemplateAndTheSignature() {
        MessageTemplates custom = MessageTemplates.of(Language.ZH, "【洛阳市12369】",
                Map.of(Milestone.DISPATCHED, "编号{trackingNumber}已派{department}。"));
        assertThat(custom.render(Milestone.DISPATCHED, Map.of("trackingNumber", "LY1", "department", "城市管理局")))
                .isEqualTo("【洛阳市12369】编号LY1已派城市管理局。");
    }

    @Test
    void aMissingValueRendersEmptyNeverTheSlotName() {
        assertThat(MessageTemplates.chinese().render(Milestone.DISPATCHED, Map.of("trackingNumber", "LY1")))
                .doesNotContain("{department}");
    }
}
