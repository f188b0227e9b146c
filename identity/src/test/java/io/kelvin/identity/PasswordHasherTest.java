package io.kelvin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4, new SecureRandom());

    @Test
    void hashIsBcryptWithTheCostAndMatchesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse battery");
        // Modular crypt format: $2b$<cost, 2 digits>$<22 salt + 31 hash characters> (OpenBSD bcrypt).
        assertThat(hash).matches("\\$2b\\$04\\$[./A-Za-z0-9]{53}");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
    }

    @Test
    void samePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(hasher.hash("same password here")).isNotEqualTo(hasher.hash("same password here"));
    }

    @Test
    void malformedHashNeverMatches() {
        assertThat(hasher.matches("anything at all", "not-a-hash")).isFalse();
        assertThat(hasher.matches("anything at all", "")).isFalse();
    }

    @Test
    void standardCostIsTwelve() {
        assertThat(PasswordHasher.DEFAULT_COST).isEqualTo(12);
    }
}
