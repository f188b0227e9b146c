package io.kelvin.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmLogTest {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private static Alarm alarm(int i) {
        return new Alarm("cdu-0" + i, "Alarms.LeakDetected", 900, "leak " + i, T0.plusSeconds(i), T0.plusSeconds(i));
    }

    @Test
    void keepsTheNewestAlarmsFirstAndDropsTheOldestBeyondItsCapacity() {
        AlarmLog log = new AlarmLog(2);
        log.accept(alarm(1));
        log.accept(alarm(2));
        log.accept(alarm(3));
        assertThat(log.recent(10)).extracting(Alarm::message).containsExactly("leak 3", "leak 2");
        assertThat(log.recent(1)).extracting(Alarm::message).containsExactly("leak 3");
        assertThat(log.received()).isEqualTo(3);
    }

    @Test
    void aLimitBelowOneIsRefusedWithItsValue() {
        assertThatThrownBy(() -> new AlarmLog(5).recent(0)).hasMessage("limit must be at least 1, was 0");
    }
}
