package io.kelvin.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.EventRef;
import io.kelvin.core.dr.GuardAction;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the DR cap guard log adapter must do on each database Kelvin supports (one subclass each). Each test
 * uses its own event ids so the tests of one class can share a database.
 */
abstract class GuardLogContractTest {

    private static final Instant T0 = Instant.parse("2026-07-01T14:00:03.500Z");

    abstract DataSource dataSource();

    @Test
    void anActionComesBackWithItsEventsJobsKwMeterAndCapFromANewAdapterOnTheSameDatabase() {
        EventRef peak = new EventRef("prog-1", "ev-guard-keep", T0.minusSeconds(7200));
        EventRef other = new EventRef("prog-2", "ev-guard-other", T0.minusSeconds(3600));
        GuardAction paused = new GuardAction(T0, GuardAction.Kind.PAUSED, List.of(peak, other),
                List.of(new GuardAction.JobKw("train-7", 412.5), new GuardAction.JobKw("eval-2", 96.25)),
                OptionalDouble.of(3851.5), OptionalDouble.of(4000));
        new JdbcGuardLog(dataSource()).record(paused);

        // As after a restart: a new adapter reads what the first one wrote.
        JdbcGuardLog reopened = new JdbcGuardLog(dataSource());
        assertThat(reopened.forEvent("ev-guard-keep")).containsExactly(paused);
        assertThat(reopened.forEvent("ev-guard-other")).containsExactly(paused);
        assertThat(reopened.forEvent("ev-guard-unknown")).isEmpty();
    }

    @Test
    void anEventsActionsComeBackOldestFirstAndAReleaseWithoutCapOrReadingKeepsThemEmpty() {
        EventRef ev = new EventRef("prog-1", "ev-guard-order", T0);
        JdbcGuardLog log = new JdbcGuardLog(dataSource());
        GuardAction release = new GuardAction(T0.plusSeconds(3600), GuardAction.Kind.RELEASED, List.of(ev),
                List.of(new GuardAction.JobKw("a", 100), new GuardAction.JobKw("b", 50)), OptionalDouble.empty(),
                OptionalDouble.empty());
        GuardAction pauseB = new GuardAction(T0.plusSeconds(10), GuardAction.Kind.PAUSED, List.of(ev),
                List.of(new GuardAction.JobKw("b", 50)), OptionalDouble.of(3900), OptionalDouble.of(4000));
        GuardAction pauseA = new GuardAction(T0.plusSeconds(5), GuardAction.Kind.PAUSED, List.of(ev),
                List.of(new GuardAction.JobKw("a", 100)), OptionalDouble.of(3950), OptionalDouble.of(4000));
        GuardAction elsewhere = new GuardAction(T0.plusSeconds(7), GuardAction.Kind.PAUSED,
                List.of(new EventRef("prog-1", "ev-guard-order-2", T0)), List.of(new GuardAction.JobKw("c", 10)),
                OptionalDouble.of(3950), OptionalDouble.of(4000));
        log.record(release);
        log.record(pauseB);
        log.record(elsewhere);
        log.record(pauseA);

        assertThat(log.forEvent("ev-guard-order")).containsExactly(pauseA, pauseB, release);
        assertThat(log.forEvent("ev-guard-order").getLast().meteredKw()).isEmpty();
        assertThat(log.forEvent("ev-guard-order").getLast().capKw()).isEmpty();
    }
}
