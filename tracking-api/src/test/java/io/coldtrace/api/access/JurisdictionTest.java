package io.coldtrace.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.http.ClientError;
import io.coldtrace.core.ids.DivisionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Where an authority may act: its own division and what lies inside it; admins anywhere, other roles nowhere. */
class JurisdictionTest {
    private static Principal authority(String region) {
        return new Principal(7, "county bureau", Role.AUTHORITY, "wuxi-bureau", region);
    }

    @ParameterizedTest
    @CsvSource({
        // a county authority: its county only
        "500238, 500238, true", "500238, 500237, false", "500238, 500200, false", "500238, 500000, false",
        // a city authority: the city and its counties, not its province or a neighbouring city
        "140200, 140225, true", "140200, 140200, true", "140200, 140000, false", "140200, 140100, false",
        // a province authority: its cities and counties
        "500000, 500238, true", "500000, 500101, true", "500000, 500000, true", "500000, 510100, false",
        // Chongqing's 县 row (the municipality's counties) holds 5002xx, not its districts 5001xx
        "500200, 500242, true", "500200, 500101, false"})
    void anAuthorityCoversItsRegionAndWhatLiesInside(String region, String division, boolean covers) {
        assertThat(Jurisdiction.covers(authority(region), new DivisionCode(division))).isEqualTo(covers);
    }

    @Test
    void outsideItsRegionAnAuthorityIsRefusedWith403NamingTheFieldAndItsRegion() {
        ClientError e = catchThrowableOfType(ClientError.class, () -> Jurisdiction.require(authority("500238"),
                new DivisionCode("500242"), "division_code"));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.field()).isEqualTo("division_code");
        assertThat(e).hasMessageContaining("500242").hasMessageContaining("(500238)");
        Jurisdiction.require(authority("500238"), new DivisionCode("500238"), "division_code");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OPERATOR", "DISPATCHER", "QA", "PARTNER"})
    void otherRolesGovernNoRegion(Role role) {
        Principal p = new Principal(8, "staff", role, "acme");
        assertThat(Jurisdiction.covers(p, new DivisionCode("500238"))).isFalse();
        ClientError e = catchThrowableOfType(ClientError.class, () -> Jurisdiction.require(p,
                new DivisionCode("500238"), "county"));
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.field()).isEqualTo("county");
        assertThat(e).hasMessageContaining("governs no region");
    }

    @Test
    void adminsCoverEveryDivisionAndAnAuthorityWithoutARegionNone() {
        assertThat(Jurisdiction.covers(new Principal(1, "root", Role.ADMIN, null), new DivisionCode("820000")))
                .isTrue();
        assertThat(Jurisdiction.covers(new Principal(2, "org admin", Role.ADMIN, "acme"), new DivisionCode("500238")))
                .isTrue();
        assertThat(Jurisdiction.covers(authority(null), new DivisionCode("500238"))).as("the schema forbids it")
                .isFalse();
    }
}
