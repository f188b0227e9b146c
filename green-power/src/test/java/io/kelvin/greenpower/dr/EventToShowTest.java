package io.kelvin.greenpower.dr;

import static io.kelvin.greenpower.dr.DrFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.dr.DrState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventToShowTest {

    private static EventToShow.Candidate event(String id, DrState state, int startHours) {
        Instant start = T0.plus(Duration.ofHours(startHours));
        return new EventToShow.Candidate(id, state, Optional.of(start), Optional.of(start.plus(Duration.ofHours(1))));
    }

    private final EventToShow.Candidate past = event("past", DrState.COMPLETED, -5);
    private final EventToShow.Candidate earlier = event("earlier", DrState.COMPLETED, -3);
    private final EventToShow.Candidate later = event("later", DrState.REPLANNED, 6);
    private final EventToShow.Candidate next = event("next", DrState.OPTED_OUT, 2);
    private final EventToShow.Candidate cancelled = event("cancelled", DrState.CANCELLED, 1);

    @Test
    void theEventUnderWayComesFirstEvenWhenOptedOut() {
        EventToShow.Candidate now = event("now", DrState.OPTED_OUT, 0);
        assertThat(EventToShow.choose(List.of(past, later, now, next), T0.plusSeconds(60))).contains("now");
    }

    @Test
    void withoutOneTheNextToStartThatIsNotCancelled() {
        assertThat(EventToShow.choose(List.of(past, later, cancelled, next), T0)).contains("next");
    }

    @Test
    void withoutEitherTheOneThatStartedLast() {
        assertThat(EventToShow.choose(List.of(earlier, past), T0)).contains("earlier");
        assertThat(EventToShow.choose(List.of(), T0)).isEmpty();
        assertThat(EventToShow.choose(List.of(new EventToShow.Candidate("unplaced", DrState.CANCELLED, Optional.empty(),
                Optional.empty())), T0)).contains("unplaced");
    }
}
