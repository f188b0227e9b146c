package io.kelvin.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlarmKeyTest {

    @Test
    void aKeysUrlIdNamesTheSameKeyForATrunkAndForABranch() {
        AlarmKey trunk = AlarmKey.of("cdu-01", "nsu=urn:acme:cdu;s=Leak/Rope#1");
        AlarmKey branch = new AlarmKey("cdu-01", "nsu=urn:acme:cdu;s=Leak/Rope#1", Optional.of("nsu=urn:acme:cdu;g=1f0c"));

        assertThat(trunk.id()).matches("[A-Za-z0-9_-]+");
        assertThat(AlarmKey.fromId(trunk.id())).isEqualTo(trunk);
        assertThat(AlarmKey.fromId(branch.id())).isEqualTo(branch);
        assertThat(branch.id()).isNotEqualTo(trunk.id());
    }

    @Test
    void anIdThatNamesNoKeyIsRefusedNamingIt() {
        assertThatThrownBy(() -> AlarmKey.fromId("matrix-none")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id: not an alarm id, was 'matrix-none'");
        assertThatThrownBy(() -> AlarmKey.fromId("a+b/")).hasMessage("id: not an alarm id, was 'a+b/'");
        assertThatThrownBy(() -> AlarmKey.fromId("")).hasMessage("id: not an alarm id, was ''");
    }
}
