package io.kelvin.collectors.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    private final UnitBreaker breaker = new UnitBreaker(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void opensOnlyAtTheThirdUnansweredRequestInARow() {
        breaker.unanswered(0);
        breaker.unanswered(0);
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allows(0)).isTrue();

        breaker.unanswered(0);

        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.allows(0)).isFalse();
    }

    @Test
    void anAnswerBetweenTimeoutsStartsTheCountAgain() {
        breaker.unanswered(0);
        breaker.unanswered(0);
        breaker.answered();
        breaker.unanswered(0);
        breaker.unanswered(0);

        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void probesWaitOneSecondDoublingUpToFiveMinutes() {
        long now = 0;
        for (int i = 0; i < 3; i++) {
            breaker.unanswered(now);
        }
        // wait_n = min(300 s, 1 s x 2^n): 1, 2, 4, ... 256, then 300 s for every later failed probe
        long[] expectedWaits = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (long wait : expectedWaits) {
            assertThat(breaker.untilProbe(now)).isEqualTo(Duration.ofSeconds(wait));
            assertThat(breaker.allows(now + wait * SECOND - 1)).isFalse();
            now += wait * SECOND;
            assertThat(breaker.allows(now)).isTrue();
            breaker.unanswered(now); // the probe timed out too
        }
    }

    @Test
    void anAnsweredProbeClosesTheBreakerAndResetsTheBackoff() {
        for (int i = 0; i < 5; i++) {
            breaker.unanswered(0);
        }
        breaker.answered();

        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allows(0)).isTrue();
        for (int i = 0; i < 3; i++) {
            breaker.unanswered(100 * SECOND);
        }
        assertThat(breaker.untilProbe(100 * SECOND)).isEqualTo(Duration.ofSeconds(1));
    }
}
