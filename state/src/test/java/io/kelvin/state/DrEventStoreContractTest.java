package io.kelvin.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrSignal;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.EventRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the DR event store adapter must do on each database Kelvin supports (one subclass each). Each
 * test uses its own event ids so the tests of one class can share a database.
 */
abstract class DrEventStoreContractTest {

    private static final Instant T0 = Instant.parse("2026-07-01T08:00:00.250Z");

    abstract DataSource dataSource();

    @Test
    void aStatusAndItsTransitionAreKeptTogetherAndTheNewestStatusReplacesTheOlder() {
        JdbcDrEventStore store = new JdbcDrEventStore(dataSource());
        EventRef v1 = new EventRef("prog-1", "ev-keep", T0);
        DrEventStatus received = new DrEventStatus(v1, "Peak cut", DrState.RECEIVED, T0, T0, Optional.empty(),
                Optional.empty());
        store.record(received, new DrTransition(v1, "vtn", T0, "receive", DrState.RECEIVED, DrState.RECEIVED,
                DrTransition.Outcome.DONE, "version " + T0));
        DrEventStatus optedOut = received.decided(DrState.OPTED_OUT, T0.plusSeconds(5), "olivia",
                Optional.of("chiller maintenance"));
        store.record(optedOut, new DrTransition(v1, "olivia", T0.plusSeconds(5), "opt-out", DrState.RECEIVED,
                DrState.OPTED_OUT, DrTransition.Outcome.DONE, "chiller maintenance"));

        assertThat(store.find("ev-keep")).contains(optedOut);
        assertThat(store.all()).filteredOn(s -> s.ref().eventId().equals("ev-keep")).containsExactly(optedOut);
        assertThat(store.history("ev-keep")).extracting(DrTransition::action).containsExactly("receive", "opt-out");
        assertThat(store.history("ev-keep").getLast().at()).isEqualTo(T0.plusSeconds(5));
        assertThat(store.find("ev-unknown")).isEmpty();
    }

    @Test
    void aRefusedStepIsAppendedWithoutChangingTheStatus() {
        JdbcDrEventStore store = new JdbcDrEventStore(dataSource());
        EventRef ref = new EventRef("prog-1", "ev-refuse", T0);
        DrEventStatus status = new DrEventStatus(ref, "ev-refuse", DrState.ACKNOWLEDGED, T0, T0, Optional.empty(),
                Optional.empty());
        store.record(status, new DrTransition(ref, "kelvin", T0, "acknowledge", DrState.RECEIVED, DrState.ACKNOWLEDGED,
                DrTransition.Outcome.DONE, "valid; accepted"));

        store.refused(new DrTransition(ref, "olivia", T0.plusSeconds(1), "opt-out", DrState.ACKNOWLEDGED,
                DrState.ACKNOWLEDGED, DrTransition.Outcome.REFUSED, "opting out needs a reason"));

        assertThat(store.find("ev-refuse")).contains(status);
        assertThat(store.history("ev-refuse")).hasSize(2).last().satisfies(t -> {
            assertThat(t.isRefused()).isTrue();
            assertThat(t.detail()).isEqualTo("opting out needs a reason");
        });
    }

    @Test
    void eventsAreListedOldestReceivedFirst() {
        JdbcDrEventStore store = new JdbcDrEventStore(dataSource());
        for (String id : new String[] {"ev-order-late", "ev-order-early"}) {
            Instant at = id.endsWith("early") ? T0.minusSeconds(3600) : T0.plusSeconds(3600);
            EventRef ref = new EventRef("prog-2", id, at);
            store.record(new DrEventStatus(ref, id, DrState.RECEIVED, at, at, Optional.empty(), Optional.empty()),
                    new DrTransition(ref, "vtn", at, "receive", DrState.RECEIVED, DrState.RECEIVED,
                            DrTransition.Outcome.DONE, ""));
        }
        assertThat(store.all()).extracting(s -> s.ref().eventId()).filteredOn(id -> id.startsWith("ev-order"))
                .containsExactly("ev-order-early", "ev-order-late");
    }

    @Test
    void theCapsOfTheNewestVersionReplaceTheOlderAndComeBackInTimeOrder() {
        JdbcDrEventStore store = new JdbcDrEventStore(dataSource());
        EventRef v1 = new EventRef("prog-3", "ev-caps", T0);
        EventRef v2 = new EventRef("prog-3", "ev-caps", T0.plusSeconds(60));
        store.recordCaps(v1, List.of(new DrSignal.CapLimit(v1, T0, T0.plusSeconds(3600), DrSignal.Direction.IMPORT, 900,
                true, "IMPORT_CAPACITY_LIMIT")));
        DrSignal.CapLimit late = new DrSignal.CapLimit(v2, T0.plusSeconds(3600), T0.plusSeconds(7200),
                DrSignal.Direction.IMPORT, 750.5, false, "SIMPLE");
        DrSignal.CapLimit early = new DrSignal.CapLimit(v2, T0, T0.plusSeconds(3600), DrSignal.Direction.EXPORT, 100,
                true, "EXPORT_CAPACITY_LIMIT");

        store.recordCaps(v2, List.of(late, early));

        assertThat(store.caps("ev-caps")).containsExactly(early, late);
        assertThat(store.caps("ev-none")).isEmpty();
    }
}
