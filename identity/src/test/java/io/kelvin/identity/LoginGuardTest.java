package io.kelvin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

    private final Fixture f = new Fixture();
    private final LoginPolicy policy = LoginPolicy.defaults();
    private LoginGuard guard;
    private String password;

    @BeforeEach
    void user() {
        password = f.accounts.create("gina", Set.of(Role.VIEWER), Actor.system("test"), "-").oneTimePassword();
        guard = f.guard(policy);
    }

    @Test
    void rightPasswordLogsInWithoutDelayAndIsAudited() {
        LoginResult result = guard.login("GINA", password, "192.0.2.7");
        assertThat(result).isInstanceOf(LoginResult.Success.class);
        assertThat(result.delay()).isZero();
        assertThat(f.auditStore.last().orElseThrow().entry().kind()).isEqualTo(AuditKind.LOGIN);
        assertThat(f.auditStore.last().orElseThrow().entry().address()).isEqualTo("192.0.2.7");
    }

    @Test
    void failuresAreSlowedFromTheThirdThenLockedAtTheFifthEvenForTheRightPassword() {
        // LoginPolicy.defaults(): 3 free, then 1 s doubling; lock at 5 failures for 15 min.
        assertThat(guard.login("gina", "x", "-").delay()).isZero();
        assertThat(guard.login("gina", "x", "-").delay()).isZero();
        assertThat(guard.login("gina", "x", "-").delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(guard.login("gina", "x", "-").delay()).isEqualTo(Duration.ofSeconds(2));
        LoginResult fifth = guard.login("gina", "x", "-");
        assertThat(fifth).isInstanceOf(LoginResult.Locked.class);
        assertThat(((LoginResult.Locked) fifth).until()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(15)));

        f.clock.advance(Duration.ofMinutes(14));
        assertThat(guard.login("gina", password, "-")).isInstanceOf(LoginResult.Locked.class);

        f.clock.advance(Duration.ofMinutes(2));
        assertThat(guard.login("gina", password, "-")).isInstanceOf(LoginResult.Success.class);
        assertThat(f.failures.find("gina")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowStartANewCount() {
        for (int i = 0; i < 4; i++) {
            guard.login("gina", "x", "-");
        }
        f.clock.advance(policy.window().plusSeconds(1));
        LoginResult next = guard.login("gina", "x", "-");
        assertThat(next).isInstanceOf(LoginResult.Refused.class);
        assertThat(f.failures.find("gina").orElseThrow().count()).isEqualTo(1);
    }

    @Test
    void disabledAccountIsRefusedLikeAWrongPassword() {
        f.accounts.disable("gina", Actor.system("test"), "-");
        assertThat(guard.login("gina", password, "-")).isInstanceOf(LoginResult.Refused.class);
        assertThat(f.auditStore.last().orElseThrow().entry().detail()).startsWith("account disabled");
    }

    @Test
    void unknownNamesAreCountedAndLockedToo() {
        for (int i = 0; i < 5; i++) {
            guard.login("mallory", "x", "-");
        }
        assertThat(guard.login("mallory", "x", "-")).isInstanceOf(LoginResult.Locked.class);
        assertThat(f.auditStore.last().orElseThrow().entry().kind()).isEqualTo(AuditKind.LOGIN_FAILED);
        assertThat(f.clock.instant()).isEqualTo(Instant.parse("2026-06-01T08:00:00Z"));
    }
}
