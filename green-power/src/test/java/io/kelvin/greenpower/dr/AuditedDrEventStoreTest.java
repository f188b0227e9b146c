package io.kelvin.greenpower.dr;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrState;
import io.kelvin.core.identity.Actor;
import io.kelvin.core.identity.AuditEntry;
import io.kelvin.core.identity.AuditKind;
import io.kelvin.core.identity.Outcome;
import io.kelvin.testkit.SettableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Kelvin's own lifecycle steps land in the audit trail; an operator's are left to whoever serves the operator. */
class AuditedDrEventStoreTest {

    @Test
    void receiptAndKelvinsStepsAreAuditedAsSystemActorsAndAnOperatorsAreNot() {
        List<AuditEntry> trail = new CopyOnWriteArrayList<>();
        SettableClock clock = new SettableClock(DrFixtures.T0);
        DrEvents events = new DrEvents(DrFixtures.settings(java.net.URI.create("http://vtn.test"), Optional.empty()),
                new AuditedDrEventStore(new InMemoryDrEventStore(), trail::add, "vtn.test"),
                new EventResolver("demo-aidc", Duration.ofHours(48)), clock, d -> { });

        events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-a", DrFixtures.T0, DrFixtures.T0.plus(Duration.ofHours(5)),
                1, 8000));
        events.optOut("ev-a", "olivia", "maintenance");
        events.replanned("ev-a", "plan 7");

        assertThat(trail).extracting(AuditEntry::kind).containsExactly(AuditKind.DR_EVENT_CREATED,
                AuditKind.DR_EVENT_CHANGED, AuditKind.DR_EVENT_CHANGED, AuditKind.DR_EVENT_CHANGED);
        assertThat(trail).extracting(AuditEntry::actor).containsExactly(Actor.system("dr-vtn"),
                Actor.system("dr-kelvin"), Actor.system("dr-kelvin"), Actor.system("dr-planner"));
        assertThat(trail.getLast().outcome()).as("a re-plan of an opted-out event is refused").isEqualTo(Outcome.DENIED);
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.target()).isEqualTo("dr-event ev-a@" + DrFixtures.T0);
            assertThat(e.address()).isEqualTo("vtn.test");
        });
        assertThat(events.state("ev-a")).contains(DrState.OPTED_OUT);
    }

    @Test
    void theStepsAGridApiEventCausesAreAuditedAsItsGridClientNotTheVtn() {
        List<AuditEntry> trail = new CopyOnWriteArrayList<>();
        DrEvents events = new DrEvents(DrFixtures.settings(java.net.URI.create("http://vtn.test"), Optional.empty()),
                new AuditedDrEventStore(new InMemoryDrEventStore(), trail::add, "vtn.test"),
                new EventResolver("demo-aidc", Duration.ofHours(48)), new SettableClock(DrFixtures.T0), d -> { });
        EventSource grid = EventSource.gridClient("gridop-1");

        events.offer(grid, DrFixtures.program(), DrFixtures.capEvent("ev-g", DrFixtures.T0,
                DrFixtures.T0.plus(Duration.ofHours(5)), 1, 8000));
        events.withdraw(grid, "ev-g", "deleted through Kelvin's grid API by gridop-1");

        assertThat(events.history("ev-g").getFirst().actor()).isEqualTo("grid:gridop-1");
        assertThat(trail).extracting(AuditEntry::kind).containsExactly(AuditKind.DR_EVENT_CREATED,
                AuditKind.DR_EVENT_CHANGED, AuditKind.DR_EVENT_CHANGED, AuditKind.DR_EVENT_CHANGED);
        assertThat(trail).extracting(AuditEntry::actor).containsExactly(Actor.client("gridop-1"),
                Actor.system("dr-kelvin"), Actor.system("dr-kelvin"), Actor.client("gridop-1"));
        assertThat(trail).filteredOn(e -> e.actor().equals(Actor.client("gridop-1"))).extracting(AuditEntry::address)
                .containsOnly(AuditedDrEventStore.GRID_API_ADDRESS);
        assertThat(trail).extracting(AuditEntry::actor).doesNotContain(Actor.system("dr-vtn"));
        assertThat(events.state("ev-g")).contains(DrState.CANCELLED);
    }

    @Test
    void anOptOutEntryNamesTheOperatorTheReasonAndTheOutcome() {
        var ref = new io.kelvin.core.dr.EventRef("prog-1", "ev-b", DrFixtures.T0);
        var step = new io.kelvin.core.dr.DrTransition(ref, "olivia", DrFixtures.T0, "opt-out", DrState.REPLANNED,
                DrState.OPTED_OUT, io.kelvin.core.dr.DrTransition.Outcome.DONE, "chiller maintenance");

        AuditEntry entry = AuditedDrEventStore.entry(step, Actor.user("olivia"), "192.0.2.7");

        assertThat(entry.kind()).isEqualTo(AuditKind.DR_OPT_OUT);
        assertThat(entry.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(entry.detail()).isEqualTo("opt-out REPLANNED->OPTED_OUT: chiller maintenance");
    }

    @Test
    void anOptBackInEntryIsItsOwnKindNamingTheOperatorAndTheReason() {
        var ref = new io.kelvin.core.dr.EventRef("prog-1", "ev-b", DrFixtures.T0);
        var step = new io.kelvin.core.dr.DrTransition(ref, "olivia", DrFixtures.T0, "opt-back-in", DrState.OPTED_OUT,
                DrState.OPTED_IN, io.kelvin.core.dr.DrTransition.Outcome.DONE, "maintenance moved");

        AuditEntry entry = AuditedDrEventStore.entry(step, Actor.user("olivia"), "192.0.2.7");

        assertThat(entry.kind()).isEqualTo(AuditKind.DR_OPT_IN);
        assertThat(entry.detail()).isEqualTo("opt-back-in OPTED_OUT->OPTED_IN: maintenance moved");
    }
}
