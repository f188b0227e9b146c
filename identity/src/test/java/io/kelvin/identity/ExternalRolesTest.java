package io.kelvin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kelvin.core.identity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalRolesTest {

    @Test
    void claimValuesNamedLikeKelvinRolesGrantThoseRolesWithoutAMap() {
        assertThat(new ExternalRoles(Map.of()).of(List.of("OPERATOR", "viewer", "offline_access")))
                .containsExactlyInAnyOrder(Role.OPERATOR, Role.VIEWER);
    }

    @Test
    void mappedValuesGrantTheRoleTheSiteChoseAndUnknownValuesGrantNothing() {
        ExternalRoles roles = new ExternalRoles(Map.of("dcim-ops", Role.OPERATOR, "ADMIN", Role.AUDITOR));
        assertThat(roles.of(List.of("dcim-ops"))).containsExactly(Role.OPERATOR);
        assertThat(roles.of(List.of("ADMIN"))).as("a mapped value means what the map says").containsExactly(Role.AUDITOR);
        assertThat(roles.of(List.of("uma_authorization", "default-roles-kelvin"))).isEmpty();
    }

    @Test
    void aMapEntryWithoutARoleIsRefused() {
        java.util.HashMap<String, Role> bad = new java.util.HashMap<>();
        bad.put("dcim-ops", null);
        assertThatThrownBy(() -> new ExternalRoles(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dcim-ops");
    }
}
