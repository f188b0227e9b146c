package io.kelvin.greenpower.dr;

import static io.kelvin.greenpower.dr.DrFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrDirective;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.testkit.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DrEventsTest {

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryDrEventStore store = new InMemoryDrEventStore();
    private final AtomicReference<List<DrDirective>> plan = new AtomicReference<>(List.of());
    private final DrEvents events = new DrEvents(DrFixtures.settings(URI.create("http://127.0.0.1:1"), Optional.empty()), store,
            new EventResolver("demo-aidc", Duration.ofHours(48)), clock, plan::set);
    private final Instant start = T0.plus(Duration.ofHours(2));

    @Test
    void aNewEventIsReceivedAcknowledgedAndOptedInWithEveryStepOnRecord() {
        assertThat(events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, start, 1, 8000))).isEqualTo(DrEvents.Offer.NEW);

        assertThat(events.history("ev-1")).extracting(DrTransition::action, DrTransition::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple("receive", DrState.RECEIVED),
                org.assertj.core.groups.Tuple.tuple("acknowledge", DrState.ACKNOWLEDGED),
                org.assertj.core.groups.Tuple.tuple("opt-in", DrState.OPTED_IN));
        assertThat(plan.get()).singleElement().satisfies(d -> assertThat(d.caps()).hasSize(1));
    }

    @Test
    void theSameVersionIsNeverActedOnTwiceEvenAfterARestart() {
        events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, start, 1, 8000));
        // A second DrEvents over the same store: what a restart with a database looks like.
        DrEvents restarted = new DrEvents(DrFixtures.settings(URI.create("http://127.0.0.1:1"), Optional.empty()), store,
                new EventResolver("demo-aidc", Duration.ofHours(48)), clock, d -> { });

        assertThat(restarted.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, start, 1, 8000))).isEqualTo(DrEvents.Offer.DUPLICATE);
        assertThat(events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0.minusSeconds(1), start, 1, 1))).isEqualTo(DrEvents.Offer.STALE);
        assertThat(store.history("ev-1")).filteredOn(t -> t.action().equals("receive")).hasSize(1);
    }

    @Test
    void aNewerVersionSupersedesTheOldOneAndReplacesItsCap() {
        events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, start, 1, 8000));
        assertThat(events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0.plusSeconds(5), start, 1, 6000)))
                .isEqualTo(DrEvents.Offer.UPDATED);

        assertThat(plan.get()).flatExtracting(DrDirective::caps).extracting(c -> c.kw()).containsExactly(6000.0);
        assertThat(events.history("ev-1")).extracting(DrTransition::to).contains(DrState.SUPERSEDED);
        // the store keeps the newest version's caps for the auditors' report
        assertThat(store.caps("ev-1")).extracting(c -> c.kw()).containsExactly(6000.0);
    }

    @Test
    void optingOutNeedsAReasonAndTakesTheCapOutOfThePlan() {
        events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, start, 1, 8000));

        DrTransition refused = events.optOut("ev-1", "operator-ann", " ");
        assertThat(refused.outcome()).isEqualTo(DrTransition.Outcome.REFUSED);
        assertThat(refused.detail()).isEqualTo("opting out needs a reason");

        DrTransition done = events.optOut("ev-1", "operator-ann", "training run for a customer deadline");
        assertThat(done.to()).isEqualTo(DrState.OPTED_OUT);
        assertThat(done.actor()).isEqualTo("operator-ann");
        assertThat(plan.get()).isEmpty();
    }

    @Test
    void theClockMovesAReplannedEventToActiveAndThenCompleted() {
        events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, start, 1, 8000));
        events.replanned("ev-1", "plan 42 keeps 8000 kW");
        clock.set(start.plusSeconds(1));
        events.tick();
        assertThat(events.state("ev-1")).contains(DrState.ACTIVE);
        clock.set(start.plus(Duration.ofHours(1)));
        events.tick();
        assertThat(events.state("ev-1")).contains(DrState.COMPLETED);
        assertThat(plan.get()).isEmpty();
    }

    @Test
    void eventsOfProgramsOutsideTheFilterAreIgnored() {
        var other = DrFixtures.capEvent("ev-9", T0, start, 1, 8000);
        assertThat(events.offer(EventSource.VTN, DrFixtures.otherProgram(), other)).isEqualTo(DrEvents.Offer.IGNORED);
        assertThat(store.all()).isEmpty();
    }

    @Test
    void anOperatorOptsBackInAfterAnOptOutAndTheCapReturnsToThePlanUntilTheEventEnds() {
        events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, start, 1, 8000));
        events.optOut("ev-1", "operator-ann", "chiller maintenance");
        assertThat(plan.get()).isEmpty();

        DrTransition back = events.optBackIn("ev-1", "operator-bob", "maintenance moved");

        assertThat(back.outcome()).isEqualTo(DrTransition.Outcome.DONE);
        assertThat(back.to()).isEqualTo(DrState.OPTED_IN);
        assertThat(plan.get()).as("back in the planner's directives, to be re-planned").singleElement()
                .satisfies(d -> assertThat(d.caps()).extracting(c -> c.kw()).containsExactly(8000.0));
        assertThat(events.optBackIn("ev-1", "operator-bob", "again").detail())
                .isEqualTo("the site has not opted out of the event (it is OPTED_IN)");

        events.optOut("ev-1", "operator-ann", "chiller maintenance after all");
        clock.set(start.plus(Duration.ofHours(1)));
        DrTransition late = events.optBackIn("ev-1", "operator-bob", "too late");
        assertThat(late.outcome()).isEqualTo(DrTransition.Outcome.REFUSED);
        assertThat(late.detail()).isEqualTo("the event is completed");
        assertThat(events.state("ev-1")).contains(DrState.COMPLETED);
        assertThat(plan.get()).isEmpty();
    }

    @Test
    void aCancelledEventCannotBeOptedBackInto() {
        events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, start, 1, 8000));
        events.optOut("ev-1", "operator-ann", "chiller maintenance");
        events.withdraw(EventSource.VTN, "ev-1", "deleted by the VTN");

        assertThat(events.optBackIn("ev-1", "operator-bob", "why").detail()).isEqualTo("the event is cancelled");
    }
}
