package cn.luoyang.pollution.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneRedactionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "请回电13812345678谢谢|请回电138****5678谢谢",
        "call 138 1234 5678 please|call 138****5678 please",
        "+86 138-1234-5678|138****5678",
        "两个号码 13812345678 和 15900001111|两个号码 138****5678 和 159****1111",
        "订单号 2138123456789 不是手机号|订单号 2138123456789 不是手机号",
        "座机 0379-63211234 白天有人|座机 0379-****1234 白天有人",
        "from abroad +44 20 7946 0958|from abroad +44-****0958",
        "2026-11-28 07:30 起一直有味|2026-11-28 07:30 起一直有味",
        "12812345678 不是手机号段|12812345678 不是手机号段"})
    void phoneNumbersInFreeTextAreMaskedAndNothingElse(String text, String expected) {
        assertThat(PhoneRedaction.mask(text)).isEqualTo(expected);
    }
}
