package io.kelvin.greenpower.dr.ven;

import static io.kelvin.greenpower.dr.DrFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.greenpower.dr.DrEvents;
import io.kelvin.greenpower.dr.DrFixtures;
import io.kelvin.greenpower.dr.EventResolver;
import io.kelvin.greenpower.dr.EventSource;
import io.kelvin.greenpower.dr.InMemoryDrEventStore;
import io.kelvin.testkit.SettableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OPERATING_STATE the VEN reports follows the lifecycle: an opt-out shows, and so does opting back in. */
class OperatingStateAfterOptBackInTest {

    @Test
    void theVtnIsToldRunningOptedOutAfterAnOptOutAndCurtailedAgainOnceOptedBackInAndReplanned() {
        DrEvents events = new DrEvents(DrFixtures.settings(URI.create("http://127.0.0.1:1"), Optional.empty()),
                new InMemoryDrEventStore(), new EventResolver("demo-aidc", Duration.ofHours(48)), new SettableClock(T0),
                d -> { });
        events.offer(EventSource.VTN, DrFixtures.program(), DrFixtures.capEvent("ev-1", T0, T0.plus(Duration.ofHours(2)), 1, 8000));
        events.replanned("ev-1", "plan 1 keeps the caps");
        assertThat(ReportBuilder.operatingState(events.state("ev-1").orElseThrow())).isEqualTo("RUNNING_CURTAILED");

        events.optOut("ev-1", "operator-ann", "chiller maintenance");
        assertThat(ReportBuilder.operatingState(events.state("ev-1").orElseThrow())).isEqualTo("RUNNING_OPTED_OUT");

        events.optBackIn("ev-1", "operator-bob", "maintenance moved");
        assertThat(ReportBuilder.operatingState(events.state("ev-1").orElseThrow())).isEqualTo("RUNNING_NORMAL");
        events.replanned("ev-1", "plan 2 keeps the caps");
        assertThat(ReportBuilder.operatingState(events.state("ev-1").orElseThrow())).isEqualTo("RUNNING_CURTAILED");
    }
}
