package cn.luoyang.pollution.kit.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "13812341234, 13812341234",
            "+8613812341234, 13812341234",
            "8613812341234, 13812341234",
            "138 1234 1234, 13812341234",
            "199-0000-5678, 19900005678"})
    void acceptsMainlandMobileNumbersInTheirCommonSpellings(String text, String bare) {
        assertThat(PhoneNumbers.normalise(text)).isEqualTo(bare);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12812341234", "1381234123", "138123412345", "0379-6388888", "1381234123x", "+1 415 555 0100"})
    void rejectsWhatIsNotAMainlandMobileNumber(String text) {
        assertThat(PhoneNumbers.isMainlandMobile(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"13812341234, 138****1234", "+8615900001111, 159****1111"})
    void masksAllButTheFirstThreeAndLastFourDigits(String number, String masked) {
        assertThat(PhoneNumbers.mask(number)).isEqualTo(masked);
        assertThat(PhoneNumbers.isMasked(masked)).isTrue();
        assertThat(PhoneNumbers.lastFour(masked)).isEqualTo(masked.substring(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812341234", "138*1234", "138****12a4"})
    void recognisesOnlyTheMaskedForm(String text) {
        assertThat(PhoneNumbers.isMasked(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0379-6388888", "hello"})
    void refusesToMaskWhatIsNotANumber(String text) {
        assertThatThrownBy(() -> PhoneNumbers.mask(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
