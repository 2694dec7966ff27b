package cn.luoyang.pollution.notification.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyTextTest {

    @ParameterizedTest(name = "\"{0}\" -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "1|RATING|SATISFIED",
            "２|RATING|BASICALLY_SATISFIED",
            " 3。|RATING|UNSATISFIED",
            "td|OPT_OUT|",
            "ＴＤ|OPT_OUT|",
            "退订|OPT_OUT|",
            "4|OTHER|",
            "还是有黑烟|OTHER|",
            "13|OTHER|"})
    void readsWhatReportersTypeLeniently(String text, ReplyText.Kind kind, Rating rating) {
        ReplyText read = ReplyText.read(text);
        assertThat(read.kind()).isEqualTo(kind);
        assertThat(read.rating()).isEqualTo(rating);
    }
}
