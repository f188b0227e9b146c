package io.kelvin.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatestValuesTest {

    private static final PointId POINT = PointId.parse("cdu-01.supply_temp_c");
    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aLateArrivingOlderSampleNeverMovesAPointBackInTime() {
        LatestValues latest = new LatestValues();
        latest.accept(Sample.good(POINT, 32.0, T0.plusSeconds(5)));
        latest.accept(Sample.good(POINT, 30.0, T0));
        assertThat(latest.get(POINT)).map(Sample::value).contains(32.0);
    }

    @Test
    void anUnchangedValueReconfirmedAfterAnOutageReplacesTheCommFailedMarker() {
        // The device's source time of an unchanged value predates the COMM_FAILED Kelvin stamped during the outage.
        LatestValues latest = new LatestValues();
        latest.accept(new Sample(POINT, Double.NaN, Quality.COMM_FAILED, T0.plusSeconds(60), T0.plusSeconds(60)));
        latest.accept(new Sample(POINT, 32.0, Quality.GOOD, T0, T0.plusSeconds(90)));
        assertThat(latest.get(POINT)).map(Sample::quality).contains(Quality.GOOD);
    }

    @Test
    void aSampleCollectedBeforeTheCommFailedMarkerDoesNotReplaceIt() {
        LatestValues latest = new LatestValues();
        latest.accept(new Sample(POINT, Double.NaN, Quality.COMM_FAILED, T0.plusSeconds(60), T0.plusSeconds(60)));
        latest.accept(new Sample(POINT, 32.0, Quality.GOOD, T0, T0.plusSeconds(30)));
        assertThat(latest.get(POINT)).map(Sample::quality).contains(Quality.COMM_FAILED);
    }

    @Test
    void aPollOverrunMarkerIsHistoryAndNeverReplacesTheNewestReading() {
        LatestValues latest = new LatestValues();
        latest.accept(Sample.good(POINT, 32.0, T0));
        latest.accept(new Sample(POINT, Double.NaN, Quality.POLL_OVERRUN, T0.plusSeconds(1), T0.plusSeconds(2)));
        assertThat(latest.get(POINT)).map(Sample::value).contains(32.0);
        latest.accept(new Sample(PointId.parse("cdu-01.flow_lpm"), Double.NaN, Quality.POLL_OVERRUN, T0, T0));
        assertThat(latest.get(PointId.parse("cdu-01.flow_lpm"))).isEmpty();
    }

    @Test
    void snapshotIsSortedByDeviceThenPointAndDoesNotChangeAfterwards() {
        LatestValues latest = new LatestValues();
        latest.accept(Sample.good(PointId.parse("hvdc-01.output_power_kw"), 4000, T0));
        latest.accept(Sample.good(POINT, 32.0, T0));
        var snapshot = latest.snapshot();
        latest.accept(Sample.good(PointId.parse("aaa.x"), 1, T0));
        assertThat(snapshot.keySet()).extracting(PointId::toString)
                .containsExactly("cdu-01.supply_temp_c", "hvdc-01.output_power_kw");
    }

    @Test
    void pointIdRejectsNamesThatAreUnsafeAsTagsOrFileNames() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PointId.parse("cdu-01.../etc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must match");
        assertThat(PointId.parse("cdu-01.supply_temp_c").device()).isEqualTo("cdu-01");
    }
}
