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

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "13812341234|MOBILE|13812341234|138****1234",
            "+86 138 1234 1234|MOBILE|13812341234|138****1234",
            "008613812341234|MOBILE|13812341234|138****1234",
            "0379-63211234|LANDLINE|+8637963211234|0379-****1234",
            "(0379) 6321 1234|LANDLINE|+8637963211234|0379-****1234",
            "+86 379 6321 1234|LANDLINE|+8637963211234|0379-****1234",
            "63211234|LANDLINE|+8637963211234|0379-****1234",
            "010-65123456|LANDLINE|+861065123456|010-****3456",
            "400-810-5555|LANDLINE|+864008105555|400-****5555",
            "+44 20 7946 0958|FOREIGN|+442079460958|+44-****0958",
            "0044 20 7946 0958|FOREIGN|+442079460958|+44-****0958",
            "+852 9123 4567|FOREIGN|+85291234567|+852-****4567",
            "12812345678|UNPARSED|12812345678|****5678",
            "call me after 6|UNPARSED|call me after 6|****",
            " 110 |UNPARSED|110|****"})
    void readsEveryFormIntoItsKindNormalFormAndMask(String text, PhoneKind kind, String normalForm, String masked) {
        ContactNumber number = PhoneNumbers.read(text);
        assertThat(number).isEqualTo(new ContactNumber(kind, normalForm, masked));
        assertThat(PhoneNumbers.kindOfMask(masked)).isEqualTo(kind);
        assertThat(number.toString()).doesNotContain(normalForm.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void aBlankTextIsNoNumberToRead(String text) {
        assertThatThrownBy(() -> PhoneNumbers.read(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0379-6388888", "hello"})
    void refusesToMaskWhatIsNotANumber(String text) {
        assertThatThrownBy(() -> PhoneNumbers.mask(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
