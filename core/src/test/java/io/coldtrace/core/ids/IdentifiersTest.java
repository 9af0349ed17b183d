package io.coldtrace.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The identifier rules of domain.md §2 and §6, on its vectors. */
class IdentifiersTest {
    @ParameterizedTest
    @ValueSource(strings = {"9780345418913", "09520123456788", "012345678905", "0123456789128",
            "012345678912345675", "01234565"})
    void theValidGs1VectorsPass(String key) {
        assertThat(Gs1.valid(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"012345678906", "0123456789123", "012345678912345673", "01234567", "", "0", "12a4"})
    void theInvalidGs1VectorsFail(String key) {
        assertThat(Gs1.valid(key)).isFalse();
    }

    @Test
    void gtinsAreWrittenAs14DigitsAndAWrongOneSaysWhichDigitWasExpected() {
        assertThat(Gs1.gtin14("9780345418913")).isEqualTo("09780345418913");
        assertThat(Gs1.gtin14("012345678905")).isEqualTo("00012345678905");
        assertThat(Gs1.gtin14("01234565")).isEqualTo("00000001234565");
        assertThat(Gs1.gtin14("09520123456788")).isEqualTo("09520123456788");
        assertThatThrownBy(() -> Gs1.gtin14("012345678906")).hasMessageContaining("expected 5");
        assertThatThrownBy(() -> Gs1.gtin14("0123456789")).hasMessageContaining("8, 12, 13 or 14 digits");
        assertThat(Gs1.gln("0123456789128")).isEqualTo("0123456789128");
        assertThatThrownBy(() -> Gs1.gln("0123456789123")).hasMessageContaining("check digit");
        assertThatThrownBy(() -> Gs1.gln("09520123456788")).hasMessageContaining("13 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038216", "9144030071526726XG", "91330100799655058B", "91110000802100433B"})
    void theValidSocialCreditCodesPass(String code) {
        assertThat(Uscc.valid(code)).isTrue();
        assertThat(Uscc.checkChar(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"914403001922038217", "9144030071526726XH", "91440300192203821", "9144030019220382I6"})
    void theInvalidSocialCreditCodesFail(String code) {
        assertThat(Uscc.valid(code)).isFalse();
    }

    @Test
    void divisionCodesKnowTheirProvinceCityAndLevel() {
        DivisionCode wuxi = new DivisionCode("500238");
        assertThat(wuxi.level()).isEqualTo(DivisionCode.Level.COUNTY);
        assertThat(wuxi.province()).isEqualTo("500000");
        assertThat(wuxi.city()).isEqualTo("500200");
        DivisionCode hunyuan = new DivisionCode("140225");
        assertThat(hunyuan.city()).isEqualTo("140200");
        assertThat(new DivisionCode("440400").level()).isEqualTo(DivisionCode.Level.CITY);
        assertThat(new DivisionCode("110000").level()).isEqualTo(DivisionCode.Level.PROVINCE);
        assertThat(new DivisionCode("110000").city()).isEqualTo("110000");
        assertThat(new DivisionCode("110111").province()).isEqualTo("110000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11011", "1101111", "11011a", "990101", "000000", "110011"})
    void malformedDivisionCodesAreRefusedWithAReason(String code) {
        assertThatThrownBy(() -> new DivisionCode(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(code);
    }
}
