package io.coldtrace.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import io.coldtrace.core.ids.DivisionList.LineError;
import io.coldtrace.core.ids.DivisionList.Parsed;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The divisions CSV: header, rows, flags, and an error per bad line naming its line and field. */
class DivisionListTest {
    private static final String HEAD = "code,name,poverty_alleviated,key_assistance\n";

    @Test
    void readsRowsWithTheirLineNumbersInAnyColumnOrderQuotedOrNot() {
        Parsed p = DivisionList.parse("\uFEFF# a note\nname,key_assistance,code,poverty_alleviated\r\n"
                + "重庆市,,500000,\r\n\"巫溪县\",1,500238,TRUE\r\n\n\"a \"\"quoted\"\", name\",0,500200,false\r\n");
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows()).extracting(r -> r.line() + " " + r.code() + " " + r.name() + " " + r.povertyAlleviated()
                + " " + r.keyAssistance())
                .containsExactly("3 500000 重庆市 false false", "4 500238 巫溪县 true true",
                        "6 500200 a \"quoted\", name false false");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "50023,巫溪县,,|code|6 digits",
        "090000,某省,,|code|names no province",
        "500038,某县,,|code|county without a city",
        "500238,,,|name|1..100 characters",
        "500238,巫溪县,yes,|poverty_alleviated|true, false, 1, 0 or empty",
        "500238,巫溪县,,2|key_assistance|true, false, 1, 0 or empty",
        "500200,县,true,|poverty_alleviated|a county's flag; 500200 is a city's code",
        "500000,重庆市,,1|key_assistance|500000 is a province's code",
        "500238,巫溪县,false|columns|expected 4 fields",
        "500238,\"巫溪县,false,false|columns|quote is not closed"})
    void aBadLineIsNamedByItsNumberAndField(String line, String field, String says) {
        Parsed p = DivisionList.parse(HEAD + "500000,重庆市,,\n" + line + "\n500237,巫山县,,\n");
        assertThat(p.ok()).isFalse();
        assertThat(p.errors()).hasSize(1).first().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(says);
        });
        assertThat(p.rows()).extracting(r -> r.code().code()).containsExactly("500000", "500237");
    }

    @Test
    void everyBadLineIsReportedNotOnlyTheFirst() {
        Parsed p = DivisionList.parse(HEAD + "500000,重庆市,,\n5002,x,,\n500238,巫溪县,maybe,\n500000,重庆,,\n");
        assertThat(p.errors()).extracting(LineError::toString).containsExactly(
                "line 3, code: a division code has 6 digits (GB/T 2260), was '5002'",
                "line 4, poverty_alleviated: poverty_alleviated must be true, false, 1, 0 or empty, was 'maybe'",
                "line 5, code: 500000 is already on line 2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "code,name,poverty_alleviated|column key_assistance is missing",
        "code,name,poverty_alleviated,key_assistance,level|unknown column 'level'",
        "code,name,name,poverty_alleviated,key_assistance|column name twice",
        "500000,重庆市,,|unknown column '500000'"})
    void theHeaderMustNameExactlyTheFourColumns(String header, String says) {
        Parsed p = DivisionList.parse("# note\n" + header + "\n500000,重庆市,,\n");
        assertThat(p.rows()).isEmpty();
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.field()).isEqualTo("header");
            assertThat(e.message()).contains(says);
        });
    }

    @Test
    void anEmptyFileOrOneWithoutDivisionsIsRefused() {
        assertThat(DivisionList.parse("").errors()).extracting(LineError::field).containsExactly("header");
        assertThat(DivisionList.parse("# only a note\n").errors().get(0).message()).contains("no header row");
        assertThat(DivisionList.parse(HEAD).errors().get(0).message()).contains("no divisions");
    }

    @Test
    void aCountysParentIsItsCityWhenKnownElseItsProvince() {
        Set<String> known = Set.of("500000", "500200", "410000");
        assertThat(DivisionList.parentOf(new DivisionCode("500238"), known::contains)).isEqualTo("500200");
        assertThat(DivisionList.parentOf(new DivisionCode("419001"), known::contains)).as("济源, no city row")
                .isEqualTo("410000");
        assertThat(DivisionList.parentOf(new DivisionCode("500200"), known::contains)).isEqualTo("500000");
        assertThat(DivisionList.parentOf(new DivisionCode("500000"), known::contains)).isNull();
        assertThat(DivisionList.parentOf(new DivisionCode("510100"), known::contains)).as("province unknown").isNull();
    }

    @Test
    void theBundledListReadsWithoutErrorsAndItsFlagsAreAllFalse() {
        assertThat(DivisionList.bundled()).hasSizeGreaterThan(100)
                .allSatisfy(r -> assertThat(r.povertyAlleviated() || r.keyAssistance()).as(r.toString()).isFalse());
    }

    @ParameterizedTest
    @CsvSource({
        "500000, 500238, true", "500000, 500100, true", "500000, 500000, true", "500000, 510100, false",
        "140200, 140225, true", "140200, 140200, true", "140200, 140000, false", "140200, 140100, false",
        "500238, 500238, true", "500238, 500237, false", "500238, 500200, false", "500200, 500238, true",
        "500200, 500101, false"})
    void aDivisionContainsItselfAndWhatLiesInside(String outer, String inner, boolean contains) {
        assertThat(new DivisionCode(outer).contains(new DivisionCode(inner))).isEqualTo(contains);
    }
}
