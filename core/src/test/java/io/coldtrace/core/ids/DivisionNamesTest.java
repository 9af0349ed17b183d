package io.coldtrace.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.core.ids.DivisionCode.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled GB/T 2260 subset and the rule that checks a region's names against its division code. */
class DivisionNamesTest {
    private static final DivisionNames TABLE = DivisionNames.bundled();

    @Test
    void theTableHoldsAll34ProvinceLevelDivisionsAndTheCountiesOfTheSourceDocuments() {
        long provinces = java.util.stream.IntStream.rangeClosed(11, 82)
                .mapToObj(p -> p + "0000").filter(c -> TABLE.name(c).isPresent()).count();
        assertThat(provinces).isEqualTo(34);
        assertThat(TABLE.name("500000")).contains("重庆市");
        assertThat(TABLE.name("450000")).contains("广西壮族自治区");
        assertThat(TABLE.name("820000")).contains("澳门特别行政区");
        // domain.md section 6
        assertThat(TABLE.name("110111")).contains("房山区");
        assertThat(TABLE.name("140225")).contains("浑源县");
        assertThat(TABLE.name("500238")).contains("巫溪县");
        assertThat(TABLE.name("500242")).contains("酉阳土家族苗族自治县");
        assertThat(TABLE.name("440400")).contains("珠海市");
        assertThat(TABLE.name("500230")).contains("丰都县");
        assertThat(TABLE.name("500235")).contains("云阳县");
        assertThat(TABLE.name("500237")).contains("巫山县");
        assertThat(TABLE.name("190000")).as("no province 19").isEmpty();
    }

    @Test
    void everyCityAndCountyOfTheTableLiesInAProvinceAndCityOfTheTable() {
        for (int p = 11; p <= 82; p++) {
            for (int c = 0; c <= 99; c++) {
                for (int k = 0; k <= 99; k++) {
                    String code = "%02d%02d%02d".formatted(p, c, k);
                    if (TABLE.name(code).isEmpty()) {
                        continue;
                    }
                    DivisionCode d = new DivisionCode(code);
                    assertThat(TABLE.name(d.province())).as(code + "'s province").isPresent();
                    if (d.level() == Level.COUNTY) {
                        assertThat(TABLE.name(d.city())).as(code + "'s city").isPresent();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        // the simulator's world (TraceBlueprint): municipality cities named by the municipality's name
        "500238, 重庆市, 重庆市, 巫溪县, COUNTY",
        "500242, 重庆市, 重庆市, 酉阳土家族苗族自治县, COUNTY",
        "140225, 山西省, 大同市, 浑源县, COUNTY",
        "110111, 北京市, 北京市, 房山区, COUNTY",
        "440400, 广东省, 珠海市, -, CITY",
        "440402, 广东省, 珠海市, 香洲区, COUNTY",
        // a municipality's city may also be 市辖区 or 县, or left out
        "500238, 重庆市, 县, 巫溪县, COUNTY",
        "500101, 重庆市, 市辖区, 万州区, COUNTY",
        "110111, 北京市, 市辖区, -, COUNTY",
        "500230, 重庆市, -, 丰都县, COUNTY",
        // codes the table does not hold: checked as deep as it knows them
        "520321, 贵州省, 遵义市, 某某县, CITY",
        "441799, 广东省, 阳江市, 随便, CITY",
        "130102, 河北省, 石家庄市, 长安区, PROVINCE",
        "650000, 新疆维吾尔自治区, -, -, PROVINCE"})
    void namesThatFitTheCodeAreAcceptedAndSayHowDeepTheyWereChecked(String code, String province, String city,
                                                                   String county, Level checked) {
        assertThat(TABLE.check(new DivisionCode(code), province, city, county)).isEqualTo(checked);
        assertThat(TABLE.known(new DivisionCode(code))).isEqualTo(checked);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', value = {
        "500238|四川省|-|巫溪县|province|province must be 重庆市",
        "500238|重庆|-|巫溪县|province|province must be 重庆市",
        "130102|山西省|-|-|province|province must be 河北省",
        "500238|重庆市|-|巫山县|county|county must be 巫溪县",
        "140225|山西省|太原市|浑源县|city|city must be 大同市",
        "440402|广东省|珠海市|金湾区|county|county must be 香洲区",
        "500238|重庆市|万州市|巫溪县|city|must be 重庆市, 市辖区 or 县",
        "440400|广东省|珠海市|香洲区|county|names no county",
        "440000|广东省|珠海市|-|city|names no city",
        "190101|某省|-|-|division_code|names no province"})
    void aNameThatDoesNotFitIsRefusedNamingTheFieldAndTheExpectedName(String code, String province, String city,
                                                                      String county, String field, String says) {
        assertThatThrownBy(() -> TABLE.check(new DivisionCode(code), province, city, county))
                .isInstanceOfSatisfying(DivisionNames.Mismatch.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(says);
    }

    @Test
    void aBrokenTableFailsLoudly() {
        String head = "code,name,poverty_alleviated,key_assistance\n";
        assertThatThrownBy(() -> DivisionNames.parse(head + "500000,重庆市,,\n500000,重庆,,\n"))
                .hasMessageContaining("line 3, code: 500000 is already on line 2");
        assertThatThrownBy(() -> DivisionNames.parse(head + "500000 重庆市\n")).hasMessageContaining("line 2, columns");
        assertThatThrownBy(() -> DivisionNames.parse(head + "990000,某,,\n")).hasMessageContaining("line 2, code");
        assertThat(DivisionNames.parse("# note\n\n" + head + "500000,重庆市,false,false\n").size()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void aPlaceIsInItsCityOrTheFinestNameKnown() {
        DivisionNames t = DivisionNames.bundled();
        org.assertj.core.api.Assertions.assertThat(t.cityOf(new DivisionCode("370700"))).contains("潍坊市");
        org.assertj.core.api.Assertions.assertThat(t.cityOf(new DivisionCode("370783"))).contains("潍坊市");
        org.assertj.core.api.Assertions.assertThat(t.cityOf(new DivisionCode("500238"))).contains("巫溪县");
        org.assertj.core.api.Assertions.assertThat(t.cityOf(new DivisionCode("310000"))).contains("上海市");
        org.assertj.core.api.Assertions.assertThat(t.cityOf(new DivisionCode("710000"))).contains("台湾省");
    }
}
