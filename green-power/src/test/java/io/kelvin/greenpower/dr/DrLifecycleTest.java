package io.kelvin.greenpower.dr;

import static io.kelvin.greenpower.dr.DrFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrEventStatus;
import io.kelvin.core.dr.DrState;
import io.kelvin.core.dr.DrTransition;
import io.kelvin.core.dr.EventRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DrLifecycleTest {

    private static DrEventStatus in(DrState state) {
        return new DrEventStatus(new EventRef("p", "e", T0), "e", state, T0, T0, Optional.empty(), Optional.empty());
    }

    @Test
    void aReceivedEventMustBeAcknowledgedBeforeAnOperatorDecides() {
        DrLifecycle.Step step = DrLifecycle.apply(in(DrState.RECEIVED), new DrInput.OptIn("ann", Optional.empty()), T0);
        assertThat(step.next()).isEmpty();
        assertThat(step.transition().outcome()).isEqualTo(DrTransition.Outcome.REFUSED);
    }

    @ParameterizedTest
    @EnumSource(value = DrState.class, names = {"COMPLETED", "CANCELLED", "SUPERSEDED"})
    void aFinalEventRefusesEveryInput(DrState state) {
        assertThat(DrLifecycle.apply(in(state), new DrInput.Cancelled("vtn", "x"), T0).next()).isEmpty();
        assertThat(DrLifecycle.apply(in(state), new DrInput.OptOut("ann", "why"), T0).next()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DrState.class, names = {"ACKNOWLEDGED", "OPTED_IN", "REPLANNED", "ACTIVE"})
    void anOperatorMayOptOutWithAReasonUntilTheEventEnds(DrState state) {
        DrLifecycle.Step step = DrLifecycle.apply(in(state), new DrInput.OptOut("ann", "customer deadline"), T0);
        assertThat(step.next()).get().satisfies(s -> {
            assertThat(s.state()).isEqualTo(DrState.OPTED_OUT);
            assertThat(s.decidedBy()).contains("ann");
            assertThat(s.reason()).contains("customer deadline");
        });
    }

    @Test
    void anOptedOutEventMayBeOptedInAgain() {
        assertThat(DrLifecycle.apply(in(DrState.OPTED_OUT), new DrInput.OptIn("bob", Optional.of("deadline moved")), T0).next())
                .get().extracting(DrEventStatus::state).isEqualTo(DrState.OPTED_IN);
    }

    @Test
    void anOperatorOptsBackIntoAnOptedOutEventWithAReasonAndItGoesBackToPlanning() {
        DrLifecycle.Step step = DrLifecycle.apply(in(DrState.OPTED_OUT), new DrInput.OptBackIn("bob", " chiller back "), T0);

        assertThat(step.next()).get().satisfies(s -> {
            assertThat(s.state()).isEqualTo(DrState.OPTED_IN);
            assertThat(s.decidedBy()).contains("bob");
            assertThat(s.reason()).contains("chiller back");
        });
        assertThat(step.transition()).satisfies(t -> {
            assertThat(t.action()).isEqualTo("opt-back-in");
            assertThat(t.from()).isEqualTo(DrState.OPTED_OUT);
            assertThat(t.to()).isEqualTo(DrState.OPTED_IN);
            assertThat(t.actor()).isEqualTo("bob");
            assertThat(t.detail()).isEqualTo("chiller back");
        });
    }

    @Test
    void optingBackInNeedsAReason() {
        DrLifecycle.Step step = DrLifecycle.apply(in(DrState.OPTED_OUT), new DrInput.OptBackIn("bob", " "), T0);
        assertThat(step.next()).isEmpty();
        assertThat(step.transition().detail()).isEqualTo("opting back in needs a reason");
    }

    @ParameterizedTest
    @EnumSource(value = DrState.class, names = {"RECEIVED", "ACKNOWLEDGED", "OPTED_IN", "REPLANNED", "ACTIVE"})
    void onlyAnOptedOutEventCanBeOptedBackInto(DrState state) {
        DrLifecycle.Step step = DrLifecycle.apply(in(state), new DrInput.OptBackIn("bob", "why"), T0);
        assertThat(step.next()).isEmpty();
        assertThat(step.transition().outcome()).isEqualTo(DrTransition.Outcome.REFUSED);
        assertThat(step.transition().detail()).isEqualTo("the site has not opted out of the event (it is " + state + ")");
    }

    @ParameterizedTest
    @EnumSource(value = DrState.class, names = {"COMPLETED", "CANCELLED", "SUPERSEDED"})
    void anEndedCancelledOrSupersededEventCannotBeOptedBackInto(DrState state) {
        DrLifecycle.Step step = DrLifecycle.apply(in(state), new DrInput.OptBackIn("bob", "why"), T0);
        assertThat(step.next()).isEmpty();
        assertThat(step.transition().detail()).isEqualTo("the event is " + state.name().toLowerCase());
    }
}
