package io.kelvin.collectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.kelvin.core.site.Monitoring;
import io.kelvin.core.site.PointDef;
import io.kelvin.core.site.ValueRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final PointDef FAST = point("fast", 250);
    private static final PointDef SLOW = point("slow", 1000);
    private static final PointDef ASAP = point("asap", 0);

    private static PointDef point(String name, long samplingMs) {
        return UaFixtures.point(name, "s=" + name, new ValueRange(0, 1),
                new Monitoring(Duration.ofMillis(samplingMs), 1, Monitoring.Deadband.NONE));
    }

    @Test
    void eachPointFallsDueOneSamplingIntervalAfterTheLastRead() {
        Polling polling = new Polling();
        polling.start(List.of(FAST, SLOW), T0);

        assertThat(polling.next()).contains(T0.plusMillis(250));
        assertThat(polling.due(T0.plusMillis(249))).isEmpty();
        assertThat(polling.due(T0.plusMillis(250))).containsExactly(FAST);
        assertThat(polling.due(T0.plusMillis(1000))).containsExactly(FAST, SLOW);
        assertThat(polling.next()).contains(T0.plusMillis(1250));
    }

    @Test
    void aLateReadIsScheduledFromNowAndDoesNotFireTwiceToCatchUp() {
        Polling polling = new Polling();
        polling.start(List.of(FAST), T0);

        // read 1 s late: the next read is one interval after now, not four backlogged reads
        assertThat(polling.due(T0.plusMillis(1250))).containsExactly(FAST);
        assertThat(polling.due(T0.plusMillis(1251))).isEmpty();
        assertThat(polling.next()).contains(T0.plusMillis(1500));
        // the four cycles it was late are counted as overruns, once
        assertThat(polling.takeOverruns()).isEqualTo(4);
        assertThat(polling.due(T0.plusMillis(1500))).containsExactly(FAST);
        assertThat(polling.takeOverruns()).isZero();
    }

    @Test
    void samplingIntervalZeroIsPolledAtTheMinimumIntervalAndStopForgetsEverything() {
        Polling polling = new Polling();
        polling.start(List.of(ASAP), T0);

        assertThat(polling.next()).contains(T0.plus(Polling.MIN_INTERVAL));
        polling.stop();
        assertThat(polling.isActive()).isFalse();
        assertThat(polling.next()).isEmpty();
    }
}
