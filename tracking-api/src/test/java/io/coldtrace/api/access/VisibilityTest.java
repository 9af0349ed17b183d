package io.coldtrace.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coldtrace.api.auth.Principal;
import io.coldtrace.api.auth.Role;
import io.coldtrace.api.http.ClientError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one access rule, for each kind of caller. */
class VisibilityTest {
    @Test
    void anAdminWithoutOrganisationSeesAllAndMustNameTheOwnerOfWhatItCreates() {
        Visibility v = Visibility.of(new Principal(1, "root", Role.ADMIN, null));
        assertThat(v.seesAll()).isTrue();
        assertThat(v.admits("acme")).isTrue();
        assertThat(v.params()).isEqualTo(Map.of("vis_all", true, "vis_org", ""));
        assertThat(v.owner("acme")).isEqualTo("acme");
        assertThatThrownBy(() -> v.owner(null)).isInstanceOf(ClientError.class).hasMessageContaining("required");
    }

    @Test
    void aMemberSeesOnlyItsOrganisationAndCreatesOnlyInIt() {
        for (Role role : Role.values()) {
            Visibility v = Visibility.of(new Principal(2, "m", role, "acme"));
            assertThat(v.reach()).as(role.label()).isEqualTo(Visibility.Reach.ORG);
            assertThat(v.admits("acme")).isTrue();
            assertThat(v.admits("rival")).isFalse();
            assertThat(v.admits(null)).as("rows of no organisation").isFalse();
            assertThat(v.params()).isEqualTo(Map.of("vis_all", false, "vis_org", "acme"));
            assertThat(v.owner(null)).isEqualTo("acme");
            ClientError e = org.assertj.core.api.Assertions.catchThrowableOfType(ClientError.class,
                    () -> v.owner("rival"));
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.field()).isEqualTo("org_id");
        }
    }

    @Test
    void aNonAdminWithoutOrganisationSeesNothingEvenIfOneSlippedPastTheSchema() {
        Visibility v = Visibility.of(new Principal(3, "orphan", Role.QA, null));
        assertThat(v).isEqualTo(Visibility.NONE);
        assertThat(v.admits("acme")).isFalse();
        assertThat(v.admits(null)).isFalse();
        assertThat(v.params().get("vis_all")).isEqualTo(false);
        assertThatThrownBy(() -> v.owner(null)).isInstanceOf(ClientError.class);
    }
}
